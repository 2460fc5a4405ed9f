using Softswitch.Sip.Auth;
using Softswitch.Sip.Registrar;
using Softswitch.Sip.Stack;
using Softswitch.Sip.Transactions;

namespace Softswitch.Sip;

/// <summary>What the SIP services need from the host's configuration, read once at start.</summary>
public sealed record SipServiceSettings
{
    public required NonceManagerOptions Nonces { get; init; }

    public required DigestAuthenticatorOptions Digest { get; init; }

    public required RequestAuthenticatorOptions Authentication { get; init; }

    public required RegistrarOptions Registrar { get; init; }

    public required TransactionTimerOptions Timers { get; init; }

    /// <summary>
    /// The tick of the <see cref="Timing.TimerWheel"/> that SIP's transaction and dialog timers run on; zero gives them
    /// exact timers of the <see cref="TimeProvider"/> (tests that step a fake clock by exact amounts).
    /// </summary>
    public TimeSpan TimerResolution { get; init; }
}
