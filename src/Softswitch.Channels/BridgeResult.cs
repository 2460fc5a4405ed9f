namespace Softswitch.Channels;

/// <summary>How a <see cref="ICallChannel.BridgeAsync"/> ended.</summary>
/// <param name="Outcome">Not reached (and why), or the conversation and who ended it.</param>
/// <param name="Party">Who answered (an extension or a number); null when nobody did.</param>
/// <param name="TalkTime">From answer to the end of the conversation; zero when nobody answered.</param>
public readonly record struct BridgeResult(BridgeOutcome Outcome, string? Party = null, TimeSpan TalkTime = default)
{
    /// <summary>True when the destination answered and the two talked.</summary>
    public bool Answered => Outcome is BridgeOutcome.PartyHungUp or BridgeOutcome.CallerHungUp;
}
