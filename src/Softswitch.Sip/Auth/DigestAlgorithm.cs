namespace Softswitch.Sip.Auth;

/// <summary>
/// The digest algorithms the switch computes (RFC 7616 §3.3, RFC 8760 for SIP).
/// The <c>-sess</c> variants fold the nonce and cnonce into HA1 (RFC 7616 §3.4.2).
/// </summary>
public enum DigestAlgorithm
{
    Md5,
    Md5Sess,
    Sha256,
    Sha256Sess,
}
