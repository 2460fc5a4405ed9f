namespace Softswitch.Calls.Trunks;

/// <summary>
/// An inbound INVITE recognised as a trunk's: the trunk, how it was recognised, and the number it was sent to (the
/// Request-URI user, or the To user when the carrier addressed our registered Contact).
/// </summary>
public sealed record TrunkMatch(TrunkState Trunk, TrunkMatchReason Reason, string Did)
{
    /// <summary>True when <see cref="Did"/> is one of the trunk's configured DIDs.</summary>
    public bool IsKnownDid => Trunk.Settings.Dids.Contains(Did, StringComparer.Ordinal);
}
