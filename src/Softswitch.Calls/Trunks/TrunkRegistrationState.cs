namespace Softswitch.Calls.Trunks;

/// <summary>Where a trunk's outbound registration stands.</summary>
public enum TrunkRegistrationState
{
    /// <summary>Not registering (register: false), or unregistered at shutdown.</summary>
    Unregistered,

    /// <summary>A REGISTER is on its way (first time, refresh or retry).</summary>
    Registering,

    /// <summary>The carrier answered 2xx; refreshed before it expires.</summary>
    Registered,

    /// <summary>The last attempt failed; retried with backoff.</summary>
    Failed,
}
