namespace Softswitch.Ivr.Flows;

/// <summary>The box a <see cref="VoicemailNode"/> records into and how.</summary>
public sealed record VoicemailSettings
{
    /// <summary>The mailbox (may hold <c>${variables}</c>).</summary>
    public required string Box { get; init; }

    public IReadOnlyList<PromptReference> Greeting { get; init; } = [];

    public TimeSpan MaxLength { get; init; } = TimeSpan.FromMinutes(2);

    public TimeSpan Silence { get; init; } = TimeSpan.FromSeconds(5);

    public bool Beep { get; init; } = true;

    public NodeReference? Next { get; init; }
}
