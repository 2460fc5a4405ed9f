namespace Softswitch.Storage.Bindings;

/// <summary>One registrar binding as kept in <c>registrations</c>, so a restart does not forget the phones.</summary>
/// <param name="Extension">The address-of-record (extension number).</param>
/// <param name="BindingKey">What identifies the binding within the extension (the registrar's binding key).</param>
/// <param name="Contact">The contact URI as the phone sent it.</param>
/// <param name="ExpiresAt">When the binding stops being valid.</param>
/// <param name="CallId">Call-ID of the REGISTER that last updated it.</param>
/// <param name="CSeq">CSeq of that REGISTER.</param>
/// <param name="Transport">udp or tcp.</param>
/// <param name="SourceAddress">Where that REGISTER came from, e.g. <c>192.0.2.7:5062</c>.</param>
/// <param name="UserAgent">The phone's User-Agent.</param>
/// <param name="InstanceId">The <c>+sip.instance</c> value, if any.</param>
/// <param name="RegId">The <c>reg-id</c> value, if any.</param>
/// <param name="RegisteredAt">When the binding was first created.</param>
/// <param name="RefreshedAt">When it was last refreshed.</param>
public sealed record StoredBinding(
    string Extension,
    string BindingKey,
    string Contact,
    DateTimeOffset ExpiresAt,
    string CallId,
    long CSeq,
    string Transport,
    string SourceAddress,
    string? UserAgent,
    string? InstanceId,
    int? RegId,
    DateTimeOffset RegisteredAt,
    DateTimeOffset RefreshedAt);
