using System.Buffers;

namespace Softswitch.Sip.Messages;

/// <summary>
/// Builds a request we originate (RFC 3261 §8.1.1): Request-URI, Via (with a fresh branch unless given), From
/// (a tag is added if missing), To, Call-ID (generated if not set), CSeq (method from the request line),
/// Max-Forwards 70, Route, Contact, extra headers and body. Content-Length is written from the body.
/// </summary>
public sealed class SipRequestBuilder : ISipRenderable
{
    private readonly List<ViaHeader> _vias = new(1);
    private readonly List<NameAddress> _routes = [];
    private readonly List<SipHeaderLine> _extra = [];
    private NameAddress? _from;
    private NameAddress? _to;
    private NameAddress? _contact;
    private string? _callId;
    private uint _cseq = 1;
    private int _maxForwards = 70;
    private string? _contentType;
    private ReadOnlyMemory<byte> _body;

    public SipRequestBuilder(SipMethod method, SipUri requestUri) : this(SipMethods.ToName(method), requestUri)
    {
    }

    /// <summary>For extension methods: <paramref name="methodName"/> must be a token.</summary>
    public SipRequestBuilder(string methodName, SipUri requestUri)
    {
        if (!SipText.IsTokenString(methodName))
        {
            throw new ArgumentException("A method name is a token.", nameof(methodName));
        }
        MethodName = methodName;
        Method = SipMethods.Parse(methodName);
        RequestUri = requestUri;
    }

    public SipMethod Method { get; }
    public string MethodName { get; }
    public SipUri RequestUri { get; }

    /// <summary>The Call-ID, generated on first read if none was given.</summary>
    public string CallId => _callId ??= SipIds.NewCallId();

    /// <summary>The From value as it will be sent (tag included once <see cref="WithFrom"/> ran).</summary>
    public NameAddress? From => _from;

    /// <summary>Adds a Via on top of those already added. A Via without branch gets a fresh one.</summary>
    public SipRequestBuilder WithVia(ViaHeader via)
    {
        _vias.Insert(0, via.Branch is null ? new ViaHeader(via.Transport, via.Host, via.Port, via.Parameters.With("branch", SipIds.NewBranch()), via.Protocol) : via);
        return this;
    }

    /// <summary>A Via for this host with a fresh branch and rport (RFC 3581).</summary>
    public SipRequestBuilder WithVia(string transport, string host, int? port) => WithVia(ViaHeader.Create(transport, host, port, SipIds.NewBranch()));

    /// <summary>Sets From; a tag is generated when <paramref name="from"/> has none (§8.1.1.3).</summary>
    public SipRequestBuilder WithFrom(NameAddress from)
    {
        _from = from.Tag is null ? from.WithTag(SipIds.NewTag()) : from;
        return this;
    }

    public SipRequestBuilder WithTo(NameAddress to)
    {
        _to = to;
        return this;
    }

    public SipRequestBuilder WithCallId(string callId)
    {
        _callId = callId;
        return this;
    }

    public SipRequestBuilder WithCSeq(uint number)
    {
        _cseq = number;
        return this;
    }

    public SipRequestBuilder WithMaxForwards(int hops)
    {
        _maxForwards = hops is >= 0 and <= 255 ? hops : throw new ArgumentOutOfRangeException(nameof(hops));
        return this;
    }

    public SipRequestBuilder WithContact(NameAddress contact)
    {
        _contact = contact;
        return this;
    }

    public SipRequestBuilder AddRoute(NameAddress route)
    {
        _routes.Add(route);
        return this;
    }

    public SipRequestBuilder AddHeader(string name, string value)
    {
        if (SipHeaderNames.Identify(name) == SipHeaderId.ContentLength)
        {
            throw new ArgumentException("Content-Length is written from the body.", nameof(name));
        }
        _extra.Add(new SipHeaderLine(name, value, default));
        return this;
    }

    public SipRequestBuilder WithBody(string contentType, ReadOnlyMemory<byte> body)
    {
        _contentType = contentType;
        _body = body;
        return this;
    }

    public byte[] ToBytes() => SipMessageWriter.ToBytesCore(Checked());

    public int WriteTo(IBufferWriter<byte> writer) => SipMessageWriter.WriteCore(Checked(), writer);

    private SipRequestBuilder Checked()
    {
        if (_vias.Count == 0 || _from is null || _to is null)
        {
            throw new InvalidOperationException("A request needs at least a Via, From and To (RFC 3261 §8.1.1).");
        }
        _ = CallId;
        return this;
    }

    void ISipRenderable.Render(ref SipOutput output)
    {
        output.Write(MethodName);
        output.Write(" "u8);
        output.Write(RequestUri.ToString());
        output.Write(" SIP/2.0\r\n"u8);
        foreach (var via in _vias)
        {
            Line(ref output, "Via: "u8, via.ToString());
        }
        output.Write("Max-Forwards: "u8);
        output.Write(_maxForwards);
        output.Write("\r\n"u8);
        foreach (var route in _routes)
        {
            Line(ref output, "Route: "u8, route.ToString());
        }
        Line(ref output, "From: "u8, _from!.ToString());
        Line(ref output, "To: "u8, _to!.ToString());
        Line(ref output, "Call-ID: "u8, CallId);
        output.Write("CSeq: "u8);
        output.Write(_cseq);
        output.Write(" "u8);
        output.Write(MethodName);
        output.Write("\r\n"u8);
        if (_contact is not null)
        {
            Line(ref output, "Contact: "u8, _contact.ToString());
        }
        foreach (var header in _extra)
        {
            header.Render(ref output);
        }
        if (_contentType is not null)
        {
            Line(ref output, "Content-Type: "u8, _contentType);
        }
        output.Write("Content-Length: "u8);
        output.Write(_body.Length);
        output.Write("\r\n\r\n"u8);
        output.Write(_body.Span);
    }

    private static void Line(ref SipOutput output, ReadOnlySpan<byte> prefix, string value)
    {
        output.Write(prefix);
        output.Write(value);
        output.Write("\r\n"u8);
    }
}
