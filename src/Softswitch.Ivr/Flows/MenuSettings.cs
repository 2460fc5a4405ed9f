namespace Softswitch.Ivr.Flows;

/// <summary>What a <see cref="MenuNode"/> plays, which keys it knows and how patient it is.</summary>
public sealed record MenuSettings
{
    public required IReadOnlyList<PromptReference> Prompt { get; init; }

    /// <summary>Key (or key sequence) → node.</summary>
    public required IReadOnlyDictionary<string, NodeReference> Keys { get; init; }

    /// <summary>How long to wait for the first key after the prompt.</summary>
    public TimeSpan Timeout { get; init; }

    /// <summary>How long to wait for a next key when keys are longer than one digit.</summary>
    public TimeSpan InterDigitTimeout { get; init; }

    /// <summary>How many more times the menu is offered after a wrong key or silence.</summary>
    public int Retries { get; init; }

    public IReadOnlyList<PromptReference> InvalidPrompt { get; init; } = [];

    public IReadOnlyList<PromptReference> TimeoutPrompt { get; init; } = [];

    /// <summary>Where to go after too many failures; null hangs up.</summary>
    public NodeReference? OnFailure { get; init; }

    public char? RepeatKey { get; init; }

    public char? BackKey { get; init; }

    /// <summary>Where the back key goes; null: the menu the caller came from.</summary>
    public NodeReference? BackTo { get; init; }
}
