namespace Softswitch.Sip.Auth;

/// <summary>The verdict on a digest response.</summary>
public enum DigestVerificationStatus
{
    /// <summary>Authenticated: serve the request.</summary>
    Ok,

    /// <summary>The password was right but the nonce is no longer usable: challenge again with <c>stale=true</c>.</summary>
    Stale,

    /// <summary>Not authenticated: challenge again (401/407), or 403 after repeated failures.</summary>
    Failed,
}
