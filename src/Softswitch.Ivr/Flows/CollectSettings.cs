using System.Text.RegularExpressions;

namespace Softswitch.Ivr.Flows;

/// <summary>What a <see cref="CollectNode"/> asks for and accepts.</summary>
public sealed record CollectSettings
{
    /// <summary>The variable that receives the digits.</summary>
    public required string Variable { get; init; }

    public IReadOnlyList<PromptReference> Prompt { get; init; } = [];

    public int MinLength { get; init; } = 1;

    public int MaxLength { get; init; } = 20;

    /// <summary>The key that ends the entry (not part of it); null for none.</summary>
    public char? Terminator { get; init; } = '#';

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan InterDigitTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>A regular expression the whole entry must match; null accepts any digits of the right length.</summary>
    public Regex? Pattern { get; init; }

    public int Retries { get; init; } = 2;

    public IReadOnlyList<PromptReference> InvalidPrompt { get; init; } = [];

    public IReadOnlyList<PromptReference> TimeoutPrompt { get; init; } = [];

    public NodeReference? OnFailure { get; init; }

    public NodeReference? Next { get; init; }
}
