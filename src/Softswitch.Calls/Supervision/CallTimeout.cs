namespace Softswitch.Calls.Supervision;

/// <summary>Which limit ends a call, if any (<see cref="CallTimeoutRule"/>).</summary>
public enum CallTimeout
{
    None,

    /// <summary>Nothing heard from the peer for <see cref="CallLimits.RtpTimeout"/>.</summary>
    Rtp,

    /// <summary>Nothing heard for <see cref="CallLimits.HoldTimeout"/> while on hold.</summary>
    Hold,

    /// <summary>The call reached <see cref="CallLimits.MaxCallLength"/>.</summary>
    MaxCallLength,
}
