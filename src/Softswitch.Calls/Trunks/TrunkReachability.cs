namespace Softswitch.Calls.Trunks;

/// <summary>What the OPTIONS keepalive says about a trunk.</summary>
public enum TrunkReachability
{
    /// <summary>No keepalive answered or timed out yet (or keepalive is off).</summary>
    Unknown,

    /// <summary>The last OPTIONS got a response (any status).</summary>
    Up,

    /// <summary>The last OPTIONS got none.</summary>
    Down,
}
