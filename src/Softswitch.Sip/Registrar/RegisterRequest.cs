using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Registrar;

/// <summary>
/// The parts of an authenticated REGISTER that the registrar acts on (RFC 3261 §10.3), as plain values so the
/// registrar does not depend on the message model.
/// </summary>
/// <param name="AddressOfRecord">The AOR from the To header, normalised by the caller (e.g. the extension number).</param>
/// <param name="CallId">The Call-ID header.</param>
/// <param name="CSeq">The CSeq sequence number.</param>
/// <param name="IsStar">True for <c>Contact: *</c> (remove all bindings).</param>
/// <param name="Contacts">The Contact header values; empty for a fetch of the current bindings.</param>
/// <param name="Expires">The Expires header value, if present.</param>
/// <param name="Source">Where the request came from (transport and remote address): how to reach the phone behind NAT.</param>
/// <param name="UserAgent">The User-Agent header, if present.</param>
public sealed record RegisterRequest(
    string AddressOfRecord,
    string CallId,
    uint CSeq,
    bool IsStar,
    IReadOnlyList<RegisterContact> Contacts,
    int? Expires,
    SipEndPoint Source,
    string? UserAgent);
