using System.Text;

namespace Softswitch.Sip.Messages;

/// <summary>
/// A parsed SIP message (RFC 3261 §7). It owns one copy of the bytes and an index of header fields; typed values
/// (URIs, Via, From, To...) are built on first access and cached. Parsing already validated the fields this type
/// exposes as non-null, so reading them cannot fail.
/// </summary>
public abstract class SipMessage : ISipRenderable
{
    private readonly byte[] _buffer;
    private readonly SipHeaderEntry[] _headers;
    private readonly int _bodyStart;
    private readonly int _bodyLength;
    private readonly uint _cseqNumber;
    private readonly SipMethod _cseqMethod;
    private readonly Range _cseqMethodName;
    private readonly int _maxForwards;
    private string? _callId;
    private CSeqHeader? _cseq;
    private ViaHeader[]? _vias;
    private ViaHeader? _topVia;
    private NameAddress? _from;
    private NameAddress? _to;
    private NameAddress[]? _contacts;
    private NameAddress[]? _routes;
    private NameAddress[]? _recordRoutes;

    private protected SipMessage(in SipMessageLayout layout)
    {
        _buffer = layout.Buffer;
        _headers = layout.Headers;
        _bodyStart = layout.BodyStart;
        _bodyLength = layout.BodyLength;
        _cseqNumber = layout.CSeqNumber;
        _cseqMethod = layout.CSeqMethod;
        _cseqMethodName = layout.CSeqMethodName;
        _maxForwards = layout.MaxForwards;
    }

    public abstract bool IsRequest { get; }

    /// <summary>The message bytes as received (trailing bytes beyond Content-Length excluded).</summary>
    public ReadOnlyMemory<byte> Raw => _buffer;

    public ReadOnlyMemory<byte> Body => _buffer.AsMemory(_bodyStart, _bodyLength);

    /// <summary>Length of <see cref="Body"/> (equals the Content-Length header when present).</summary>
    public int ContentLength => _bodyLength;

    public string CallId => _callId ??= SipText.Decode(FirstValueSpan(SipHeaderId.CallId));

    public CSeqHeader CSeq => _cseq ??= new CSeqHeader(_cseqNumber, _cseqMethod,
        SipMethods.NameOf(_cseqMethod, _buffer.AsSpan()[_cseqMethodName]));

    /// <summary>All Via values, top first, across header lines and commas.</summary>
    public IReadOnlyList<ViaHeader> Vias => _vias ??= ParseVias();

    /// <summary>The first Via value; parsed on its own so transaction matching does not build the whole list.</summary>
    public ViaHeader TopVia => _topVia ??= _vias is { } vias ? vias[0] : ParseTopVia();

    public NameAddress From => _from ??= ParseNameAddress(SipHeaderId.From);

    public NameAddress To => _to ??= ParseNameAddress(SipHeaderId.To);

    /// <summary>Contact values in order; a "Contact: *" appears as <see cref="NameAddress.Star"/>.</summary>
    public IReadOnlyList<NameAddress> Contacts => _contacts ??= ParseNameAddresses(SipHeaderId.Contact, allowStar: true);

    public IReadOnlyList<NameAddress> Routes => _routes ??= ParseNameAddresses(SipHeaderId.Route, allowStar: false);

    public IReadOnlyList<NameAddress> RecordRoutes => _recordRoutes ??= ParseNameAddresses(SipHeaderId.RecordRoute, allowStar: false);

    /// <summary>Max-Forwards (0-255); null when absent (tolerated for RFC 2543 peers, RFC 4475 inv2543).</summary>
    public int? MaxForwards => _maxForwards >= 0 ? _maxForwards : null;

    /// <summary>The Expires header in seconds; null when absent or not a delta-seconds that fits an int.</summary>
    public int? Expires =>
        TryGetFirstValueSpan(SipHeaderId.Expires, out var v) && SipText.TryParseInt32(v, out var seconds) ? seconds : null;

    public string? ContentType => GetFirstHeaderValue(SipHeaderId.ContentType);

    public string? UserAgent => GetFirstHeaderValue(SipHeaderId.UserAgent);

    /// <summary>All header fields in their original order.</summary>
    public IEnumerable<SipHeaderField> Headers
    {
        get
        {
            for (var i = 0; i < _headers.Length; i++)
            {
                var entry = _headers[i];
                yield return new SipHeaderField(entry.Id, Encoding.UTF8.GetString(_buffer.AsSpan()[entry.Name]),
                    SipText.Decode(_buffer.AsSpan()[entry.Value]));
            }
        }
    }

    public int HeaderCount => _headers.Length;

    internal ReadOnlySpan<byte> Buffer => _buffer;

    internal ReadOnlySpan<SipHeaderEntry> HeaderEntries => _headers;

    public bool HasHeader(string name) => HasHeader(SipHeaderNames.Identify(name), name);

    public bool HasHeader(SipHeaderId id) => HasHeader(id, null);

    /// <summary>
    /// Every value of the named header, in order. Headers whose grammar is a comma-separated list (Via, Contact, Allow,
    /// Supported, Require...) are split at top-level commas; others (Authorization, Date, extensions) give one value per line.
    /// </summary>
    public IReadOnlyList<string> GetHeaderValues(string name) => GetHeaderValues(SipHeaderNames.Identify(name), name);

    public IReadOnlyList<string> GetHeaderValues(SipHeaderId id) => GetHeaderValues(id, null);

    /// <summary>The first value of the named header (see <see cref="GetHeaderValues(string)"/>), or null.</summary>
    public string? GetFirstHeaderValue(string name)
    {
        var values = GetHeaderValues(name);
        return values.Count > 0 ? values[0] : null;
    }

    public string? GetFirstHeaderValue(SipHeaderId id)
    {
        if (!IsList(id))
        {
            return TryGetFirstValueSpan(id, out var v) ? SipText.Decode(v) : null;
        }
        var values = GetHeaderValues(id);
        return values.Count > 0 ? values[0] : null;
    }

    public override string ToString() => Encoding.UTF8.GetString(_buffer);

    internal static bool IsList(SipHeaderId id) => id is SipHeaderId.Via or SipHeaderId.Contact or SipHeaderId.Route
        or SipHeaderId.RecordRoute or SipHeaderId.Allow or SipHeaderId.Supported or SipHeaderId.Require
        or SipHeaderId.ProxyRequire or SipHeaderId.Unsupported or SipHeaderId.Accept or SipHeaderId.AcceptEncoding
        or SipHeaderId.AcceptLanguage or SipHeaderId.AllowEvents or SipHeaderId.Path or SipHeaderId.ContentEncoding
        or SipHeaderId.ContentLanguage or SipHeaderId.InReplyTo or SipHeaderId.AlertInfo or SipHeaderId.CallInfo
        or SipHeaderId.ErrorInfo or SipHeaderId.Warning or SipHeaderId.PAssertedIdentity or SipHeaderId.Reason;

    private bool HasHeader(SipHeaderId id, string? name)
    {
        foreach (var entry in _headers)
        {
            if (Matches(entry, id, name))
            {
                return true;
            }
        }
        return false;
    }

    private List<string> GetHeaderValues(SipHeaderId id, string? name)
    {
        var values = new List<string>();
        foreach (var entry in _headers)
        {
            if (!Matches(entry, id, name))
            {
                continue;
            }
            var value = _buffer.AsSpan()[entry.Value];
            if (!IsList(id))
            {
                values.Add(SipText.Decode(value));
                continue;
            }
            foreach (var range in new SipValueSplitter(value))
            {
                if (range.GetOffsetAndLength(value.Length).Length > 0)
                {
                    values.Add(SipText.Decode(value[range]));
                }
            }
        }
        return values;
    }

    private bool Matches(SipHeaderEntry entry, SipHeaderId id, string? name)
    {
        if (entry.Id != id)
        {
            return false;
        }
        if (id != SipHeaderId.Extension || name is null)
        {
            return true;
        }
        var raw = _buffer.AsSpan()[entry.Name];
        if (raw.Length != name.Length)
        {
            return false;
        }
        for (var i = 0; i < raw.Length; i++)
        {
            if (char.ToLowerInvariant((char)raw[i]) != char.ToLowerInvariant(name[i]))
            {
                return false;
            }
        }
        return true;
    }

    private bool TryGetFirstValueSpan(SipHeaderId id, out ReadOnlySpan<byte> value)
    {
        foreach (var entry in _headers)
        {
            if (entry.Id == id)
            {
                value = _buffer.AsSpan()[entry.Value];
                return true;
            }
        }
        value = default;
        return false;
    }

    private ReadOnlySpan<byte> FirstValueSpan(SipHeaderId id) => TryGetFirstValueSpan(id, out var v) ? v : default;

    private ViaHeader[] ParseVias()
    {
        var list = new List<ViaHeader>(4);
        foreach (var entry in _headers)
        {
            if (entry.Id != SipHeaderId.Via)
            {
                continue;
            }
            var value = _buffer.AsSpan()[entry.Value];
            foreach (var range in new SipValueSplitter(value))
            {
                if (ViaParser.TryParse(value[range], out var parts))
                {
                    list.Add(ViaHeader.FromParts(value[range], in parts));
                }
            }
        }
        return list.ToArray();
    }

    private ViaHeader ParseTopVia()
    {
        var value = FirstValueSpan(SipHeaderId.Via);
        var splitter = new SipValueSplitter(value);
        splitter.MoveNext();
        var first = value[splitter.Current];
        return ViaParser.TryParse(first, out var parts)
            ? ViaHeader.FromParts(first, in parts)
            : throw new InvalidOperationException("Via was not validated.");
    }

    private NameAddress ParseNameAddress(SipHeaderId id)
    {
        var value = FirstValueSpan(id);
        return NameAddressParser.TryParse(value, allowStar: false, out var parts)
            ? NameAddress.FromParts(value, in parts)
            : throw new InvalidOperationException($"{SipHeaderNames.CanonicalName(id)} was not validated.");
    }

    private NameAddress[] ParseNameAddresses(SipHeaderId id, bool allowStar)
    {
        List<NameAddress>? list = null;
        foreach (var entry in _headers)
        {
            if (entry.Id != id)
            {
                continue;
            }
            var value = _buffer.AsSpan()[entry.Value];
            foreach (var range in new SipValueSplitter(value))
            {
                if (NameAddressParser.TryParse(value[range], allowStar, out var parts))
                {
                    (list ??= new List<NameAddress>(2)).Add(NameAddress.FromParts(value[range], in parts));
                }
            }
        }
        return list?.ToArray() ?? [];
    }

    void ISipRenderable.Render(ref SipOutput output)
    {
        RenderStartLine(ref output);
        SipMessageWriter.RenderParsed(this, ref output);
    }

    private protected abstract void RenderStartLine(ref SipOutput output);
}
