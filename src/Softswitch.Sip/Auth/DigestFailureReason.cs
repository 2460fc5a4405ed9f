namespace Softswitch.Sip.Auth;

/// <summary>
/// Why a verification was not <see cref="DigestVerificationStatus.Ok"/>, for logs only: never tell the client.
/// An unknown username and a wrong password both give <see cref="WrongResponse"/>.
/// </summary>
public enum DigestFailureReason
{
    None,
    UnsupportedAlgorithm,
    RealmMismatch,
    UriMismatch,
    MissingParameters,
    WrongResponse,
    StaleNonce,
    UnknownNonce,
    NonceCountReplayed,

    /// <summary>A nonce already spent by a response without qop (which has no nonce-count to tell uses apart).</summary>
    NonceReused,
}
