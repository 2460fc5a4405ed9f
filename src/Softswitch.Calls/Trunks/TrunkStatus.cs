using Softswitch.Sip.Transport;

namespace Softswitch.Calls.Trunks;

/// <summary>A trunk's state at one moment, as the registry reports it.</summary>
public sealed record TrunkStatus(
    string Name,
    TrunkRegistrationState Registration,
    DateTimeOffset? RegistrationExpiresAt,
    DateTimeOffset? NextRetryAt,
    string? LastFailure,
    TrunkReachability Reachability,
    SipEndPoint? CurrentTarget,
    int ActiveCalls,
    int MaxCalls);
