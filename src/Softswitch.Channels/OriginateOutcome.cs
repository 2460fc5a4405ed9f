namespace Softswitch.Channels;

/// <summary>How an originated call's dialling ended.</summary>
public enum OriginateOutcome
{
    /// <summary>Someone answered: the application runs on the answered leg.</summary>
    Answered,

    /// <summary>Busy (486/600) or declined (603).</summary>
    Busy,

    /// <summary>Rang without an answer for the ring time.</summary>
    NoAnswer,

    /// <summary>Nobody to ring: not registered, unknown number, a route that refused (404/480/403/5xx).</summary>
    Unavailable,

    /// <summary>The switch could not place the call (limits, no media ports, shutting down).</summary>
    Refused,
}
