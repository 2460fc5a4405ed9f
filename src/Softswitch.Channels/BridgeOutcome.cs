namespace Softswitch.Channels;

public enum BridgeOutcome
{
    /// <summary>The destination answered; then it hung up, and the caller is back with the application.</summary>
    PartyHungUp,

    /// <summary>The caller hung up (before or after the destination answered).</summary>
    CallerHungUp,

    /// <summary>Busy (486/600) or declined (603).</summary>
    Busy,

    /// <summary>Rang without an answer for the ring time.</summary>
    NoAnswer,

    /// <summary>Nobody to ring: not registered, unknown number, or a route that refused (404/480/403/5xx).</summary>
    Unavailable,
}
