namespace Softswitch.Storage.Registrations;

/// <summary>One registration attempt or binding change, kept for the admin's history view.</summary>
/// <param name="OccurredAt">When it happened (stored as UTC).</param>
/// <param name="Extension">The extension number in the To URI.</param>
/// <param name="Contact">The Contact URI, if any.</param>
/// <param name="SourceAddress">Where the request came from, e.g. <c>192.0.2.7:5062</c>.</param>
/// <param name="Transport">udp, tcp…</param>
/// <param name="UserAgent">The User-Agent header.</param>
/// <param name="Outcome">What the registrar did.</param>
/// <param name="CallId">The REGISTER's Call-ID.</param>
/// <param name="Detail">Free text, e.g. the reason for a rejection.</param>
public sealed record RegistrationEvent(
    DateTimeOffset OccurredAt,
    string Extension,
    string? Contact,
    string? SourceAddress,
    string? Transport,
    string? UserAgent,
    RegistrationOutcome Outcome,
    string? CallId,
    string? Detail)
{
    /// <summary>Row id, set when read back from the database (0 before it is stored).</summary>
    public long Id { get; init; }
}
