namespace Softswitch.Sip.Auth;

/// <summary>The result of <see cref="DigestAuthenticator.Verify(string, string, DigestCredentials, string, ICredentialStore)"/>.</summary>
/// <param name="Status">Ok, Stale or Failed.</param>
/// <param name="Username">The authenticated username for Ok and Stale (the password was proved); null for Failed.</param>
/// <param name="Reason">Detail for logs; <see cref="DigestFailureReason.None"/> when Ok.</param>
public readonly record struct DigestVerification(DigestVerificationStatus Status, string? Username, DigestFailureReason Reason)
{
    public bool IsOk => Status == DigestVerificationStatus.Ok;

    internal static DigestVerification Failed(DigestFailureReason reason) => new(DigestVerificationStatus.Failed, null, reason);
}
