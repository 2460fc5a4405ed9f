using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Registrar;

/// <summary>
/// One registered contact of an address-of-record (RFC 3261 §10.3): where calls to the AOR are sent until it expires.
/// Immutable: a refresh replaces the binding.
/// </summary>
/// <param name="AddressOfRecord">The AOR (extension) this contact is bound to.</param>
/// <param name="ContactUri">The contact URI exactly as the phone sent it.</param>
/// <param name="Key">The matching key from <see cref="ContactBindingKey.For"/>: equal keys mean the same binding (§10.3 step 7).</param>
/// <param name="ExpiresAt">When the binding stops being valid.</param>
/// <param name="CallId">Call-ID of the REGISTER that last updated the binding.</param>
/// <param name="CSeq">CSeq of that REGISTER; a later update with the same Call-ID must be higher.</param>
/// <param name="Source">Transport and remote address the REGISTER came from.</param>
/// <param name="UserAgent">User-Agent of that REGISTER.</param>
/// <param name="InstanceId">The <c>+sip.instance</c> value, if any.</param>
/// <param name="RegId">The <c>reg-id</c> value, if any.</param>
/// <param name="RegisteredAt">When the binding was first created.</param>
/// <param name="RefreshedAt">When the binding was last created or refreshed.</param>
public sealed record ContactBinding(
    string AddressOfRecord,
    string ContactUri,
    string Key,
    DateTimeOffset ExpiresAt,
    string CallId,
    uint CSeq,
    SipEndPoint Source,
    string? UserAgent,
    string? InstanceId,
    int? RegId,
    DateTimeOffset RegisteredAt,
    DateTimeOffset RefreshedAt)
{
    /// <summary>True while <paramref name="now"/> is before <see cref="ExpiresAt"/>.</summary>
    public bool IsLiveAt(DateTimeOffset now) => now < ExpiresAt;

    /// <summary>Whole seconds left, rounded up (a live binding never reports 0), for the <c>expires</c> parameter of a 200 OK.</summary>
    public int RemainingSeconds(DateTimeOffset now)
    {
        var remaining = ExpiresAt - now;
        return remaining <= TimeSpan.Zero ? 0 : (int)Math.Ceiling(remaining.TotalSeconds);
    }
}
