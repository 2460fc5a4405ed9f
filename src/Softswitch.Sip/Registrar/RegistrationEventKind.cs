namespace Softswitch.Sip.Registrar;

/// <summary>The kinds of registration events written to the event log.</summary>
public enum RegistrationEventKind
{
    Registered,
    Refreshed,
    Unregistered,
    Expired,

    /// <summary>Dropped because the extension had too many contacts.</summary>
    Evicted,

    /// <summary>Digest authentication failed (reported by the host, which runs authentication).</summary>
    AuthFailed,

    /// <summary>The registrar refused the request (400, 423, 500).</summary>
    Rejected,
}
