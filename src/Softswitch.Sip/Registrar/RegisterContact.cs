namespace Softswitch.Sip.Registrar;

/// <summary>One Contact of a REGISTER request, as the parser extracted it.</summary>
/// <param name="Uri">The contact URI as given (without display name or angle brackets).</param>
/// <param name="Expires">The contact's <c>expires</c> parameter, if present (RFC 3261 §10.2.1.1).</param>
/// <param name="InstanceId">The <c>+sip.instance</c> parameter (RFC 5626 §4.1), if present; identifies the device across contact changes.</param>
/// <param name="RegId">The <c>reg-id</c> parameter (RFC 5626 §4.2), if present.</param>
public sealed record RegisterContact(string Uri, int? Expires = null, string? InstanceId = null, int? RegId = null);
