using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Registrar;

/// <summary>One registration event, for the database and the console.</summary>
/// <param name="Extension">The address-of-record (extension).</param>
/// <param name="Contact">The contact URI concerned, or <c>*</c>; null when none applies.</param>
/// <param name="Source">Where the request came from; for expiries, the source of the last REGISTER of that binding.</param>
/// <param name="UserAgent">The phone's User-Agent, if known.</param>
/// <param name="Time">When it happened (from the registrar's <see cref="TimeProvider"/>).</param>
/// <param name="Kind">What happened.</param>
/// <param name="CallId">The Call-ID of the REGISTER concerned, so the event can be found in the logs.</param>
/// <param name="Detail">Extra text, e.g. why a request was rejected or the status code.</param>
public sealed record RegistrationEvent(
    string Extension,
    string? Contact,
    SipEndPoint? Source,
    string? UserAgent,
    DateTimeOffset Time,
    RegistrationEventKind Kind,
    string? Detail = null,
    string? CallId = null);
