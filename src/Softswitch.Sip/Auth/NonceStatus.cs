namespace Softswitch.Sip.Auth;

/// <summary>What <see cref="NonceManager.Validate"/> found out about a nonce.</summary>
public enum NonceStatus
{
    /// <summary>Issued by this server and still within its lifetime.</summary>
    Valid,

    /// <summary>Issued by this server but past its lifetime (or no longer tracked): answer with <c>stale=true</c>.</summary>
    Stale,

    /// <summary>Not issued by this server (forged, corrupted, or from before a restart).</summary>
    Invalid,
}
