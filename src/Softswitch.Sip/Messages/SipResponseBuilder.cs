using System.Net;
using System.Buffers;

namespace Softswitch.Sip.Messages;

/// <summary>
/// Builds a response to a request (RFC 3261 §8.2.6): Via values, From, To, Call-ID and CSeq are copied byte for
/// byte in order; Record-Route is copied into 101-299 responses to dialog-creating requests (§12.1.1); Timestamp
/// into 100 Trying (§8.2.6.1). Content-Length is always written from the body.
/// </summary>
public sealed class SipResponseBuilder : ISipRenderable
{
    private readonly List<SipHeaderLine> _headers = new(12);
    private int _toIndex;
    private readonly IReadOnlyList<ViaHeader>? _requestVias;
    private readonly bool _toHasTag;
    private string? _contentType;
    private ReadOnlyMemory<byte> _body;

    private SipResponseBuilder(int statusCode, string? reason)
    {
        if (statusCode is < 100 or > 699)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "A SIP status code is 100-699.");
        }
        StatusCode = statusCode;
        ReasonPhrase = reason ?? SipReasonPhrases.For(statusCode);
        _toIndex = -1;
    }

    private SipResponseBuilder(SipRequest request, int statusCode, string? reason) : this(statusCode, reason)
    {
        var raw = request.Raw;
        var copyRecordRoute = statusCode is > 100 and < 300
            && request.Method is SipMethod.Invite or SipMethod.Subscribe or SipMethod.Refer or SipMethod.Notify;
        foreach (var entry in request.HeaderEntries)
        {
            var keep = entry.Id switch
            {
                SipHeaderId.Via or SipHeaderId.From or SipHeaderId.To or SipHeaderId.CallId or SipHeaderId.CSeq => true,
                SipHeaderId.RecordRoute => copyRecordRoute,
                SipHeaderId.Timestamp => statusCode == 100,
                _ => false,
            };
            if (!keep)
            {
                continue;
            }
            if (entry.Id == SipHeaderId.To)
            {
                _toIndex = _headers.Count;
            }
            _headers.Add(new SipHeaderLine(SipHeaderNames.CanonicalName(entry.Id), null, raw.Slice(entry.ValueStart, entry.ValueLength)));
        }
        _toHasTag = request.To.Tag is not null;
        _requestVias = request.Vias;
    }

    public int StatusCode { get; }
    public string ReasonPhrase { get; }

    /// <summary>Starts a response to <paramref name="request"/>; the reason defaults to <see cref="SipReasonPhrases.For"/>.</summary>
    public static SipResponseBuilder For(SipRequest request, int statusCode, string? reason = null) => new(request, statusCode, reason);

    /// <summary>
    /// Starts an error response to a request the parser rejected, from the raw headers it could read
    /// (requires <see cref="SipParseError.CanRespond"/>). The status defaults to the one the parser chose.
    /// </summary>
    public static SipResponseBuilder For(SipParseError error, int? statusCode = null, string? reason = null)
    {
        if (!error.CanRespond)
        {
            throw new InvalidOperationException("The rejected message lacks the headers needed for a response.");
        }
        var code = statusCode ?? error.StatusCode;
        var builder = new SipResponseBuilder(code, reason);
        foreach (var via in error.Vias)
        {
            builder._headers.Add(new SipHeaderLine("Via", via, default));
        }
        builder._headers.Add(new SipHeaderLine("From", error.From, default));
        builder._headers.Add(new SipHeaderLine("To", error.To, default));
        builder._headers.Add(new SipHeaderLine("Call-ID", error.CallId, default));
        builder._headers.Add(new SipHeaderLine("CSeq", error.CSeq, default));
        return builder;
    }

    /// <summary>Adds a To tag unless the request's To already had one (in-dialog requests keep theirs, §8.2.6.2).</summary>
    public SipResponseBuilder WithToTag(string tag)
    {
        if (_toIndex >= 0 && !_toHasTag)
        {
            _headers[_toIndex] = _headers[_toIndex] with { Suffix = ";tag=" + tag };
        }
        return this;
    }

    /// <summary>
    /// Stamps the top Via with where the request really came from (§18.2.1 <c>received</c>, RFC 3581 <c>rport</c>),
    /// so a phone behind NAT can match the response. The other Via values stay as they were.
    /// </summary>
    public SipResponseBuilder WithReceivedFrom(IPEndPoint source)
    {
        var first = _headers.FindIndex(h => h.Name == "Via");
        if (first < 0) return this;
        IReadOnlyList<ViaHeader> vias;
        if (_requestVias is not null)
        {
            vias = _requestVias;
        }
        else
        {
            // Built from a parse error: the Via values are raw text; a top Via that does not parse is left alone.
            if (!ViaHeader.TryParse(_headers[first].Text ?? "", out var top)) return this;
            _headers[first] = new SipHeaderLine("Via", top!.ReceivedFrom(source).ToString(), default);
            return this;
        }

        _headers.RemoveAll(h => h.Name == "Via");
        _headers.Insert(first, new SipHeaderLine("Via", vias[0].ReceivedFrom(source).ToString(), default));
        for (var i = 1; i < vias.Count; i++) _headers.Insert(first + i, new SipHeaderLine("Via", vias[i].ToString(), default));
        if (_toIndex >= 0) _toIndex = _headers.FindIndex(h => h.Name == "To"); // one Via line may have held several values
        return this;
    }

    public SipResponseBuilder AddHeader(string name, string value)
    {
        if (SipHeaderNames.Identify(name) == SipHeaderId.ContentLength)
        {
            throw new ArgumentException("Content-Length is written from the body.", nameof(name));
        }
        _headers.Add(new SipHeaderLine(name, value, default));
        return this;
    }

    public SipResponseBuilder WithContact(NameAddress contact) => AddHeader("Contact", contact.ToString());

    public SipResponseBuilder WithBody(string contentType, ReadOnlyMemory<byte> body)
    {
        _contentType = contentType;
        _body = body;
        return this;
    }

    public byte[] ToBytes() => SipMessageWriter.ToBytesCore(this);

    public int WriteTo(IBufferWriter<byte> writer) => SipMessageWriter.WriteCore(this, writer);

    public bool TryWriteTo(Span<byte> destination, out int written) => SipMessageWriter.TryWriteCore(this, destination, out written);

    void ISipRenderable.Render(ref SipOutput output)
    {
        output.Write("SIP/2.0 "u8);
        output.Write(StatusCode);
        output.Write(" "u8);
        output.Write(ReasonPhrase);
        output.Write("\r\n"u8);
        foreach (var header in _headers)
        {
            header.Render(ref output);
        }
        if (_contentType is not null)
        {
            output.Write("Content-Type: "u8);
            output.Write(_contentType);
            output.Write("\r\n"u8);
        }
        output.Write("Content-Length: "u8);
        output.Write(_body.Length);
        output.Write("\r\n\r\n"u8);
        output.Write(_body.Span);
    }
}
