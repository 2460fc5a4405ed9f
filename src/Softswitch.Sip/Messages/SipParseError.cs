namespace Softswitch.Sip.Messages;

/// <summary>
/// Why a message was rejected, the status code a server should answer a request with (400, 505, 416),
/// and the raw header values that could still be read so the caller can build that response (§8.2, RFC 4475).
/// Responses that fail to parse are simply dropped (§16.7, §18.1.2).
/// </summary>
public sealed class SipParseError
{
    /// <summary>The value reported when parsing succeeded.</summary>
    public static SipParseError None { get; } = new(string.Empty, 0, false);

    public SipParseError(string reason, int statusCode, bool isRequest)
    {
        Reason = reason;
        StatusCode = statusCode;
        IsRequest = isRequest;
    }

    public string Reason { get; }
    /// <summary>The response code to send for a request (400, 416, 505); 0 when none applies.</summary>
    public int StatusCode { get; }
    /// <summary>True when the start line looked like a request, so an error response may be sent.</summary>
    public bool IsRequest { get; }
    /// <summary>Raw Via values (one per header line), in order; empty if none could be read.</summary>
    public IReadOnlyList<string> Vias { get; init; } = [];
    public string? From { get; init; }
    public string? To { get; init; }
    public string? CallId { get; init; }
    public string? CSeq { get; init; }

    /// <summary>True when enough was read to address an error response (§8.2.6: Via, From, To, Call-ID, CSeq).</summary>
    public bool CanRespond => IsRequest && Vias.Count > 0 && From is not null && To is not null && CallId is not null && CSeq is not null;

    public override string ToString() => $"{StatusCode} {Reason}";
}
