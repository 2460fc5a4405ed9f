namespace Softswitch.Sip.Messages;

/// <summary>
/// The header checks a message must pass before the stack may act on it (RFC 3261 §8.2, §16.3, §18.1.2, §20),
/// done on the raw bytes without allocating. Choices made for RFC 4475: a missing Max-Forwards is tolerated
/// (inv2543), a non-GMT Date is ignored (baddate), Max-Forwards above 255 and CSeq above 2^32-1 are rejected
/// (scalar02, scalarlg), and header fields that may occur once must occur once (multi01, mcl01).
/// </summary>
internal ref struct SipMessageValidator
{
    public uint CSeqNumber;
    public SipMethod CSeqMethod;
    public Range CSeqMethodName;
    public int MaxForwards;
    public int ContentLength;
    public string? Error;

    public static SipMessageValidator Validate(ReadOnlySpan<byte> data, ReadOnlySpan<SipHeaderEntry> headers,
        bool isRequest, ReadOnlySpan<byte> requestMethod)
    {
        var v = new SipMessageValidator { MaxForwards = -1, ContentLength = -1 };
        v.Run(data, headers, isRequest, requestMethod);
        return v;
    }

    private void Run(ReadOnlySpan<byte> data, ReadOnlySpan<SipHeaderEntry> headers, bool isRequest, ReadOnlySpan<byte> requestMethod)
    {
        int to = 0, from = 0, cseq = 0, callId = 0, maxForwards = 0, contentLength = 0, via = 0;
        foreach (var entry in headers)
        {
            var value = data[entry.Value];
            var ok = entry.Id switch
            {
                SipHeaderId.To => ++to == 1 ? CheckNameAddress(value, "To") : Fail("multiple To header fields"),
                SipHeaderId.From => ++from == 1 ? CheckNameAddress(value, "From") : Fail("multiple From header fields"),
                SipHeaderId.CallId => ++callId == 1 ? CheckCallId(value) : Fail("multiple Call-ID header fields"),
                SipHeaderId.CSeq => ++cseq == 1 ? CheckCSeq(value, entry) : Fail("multiple CSeq header fields"),
                SipHeaderId.MaxForwards => ++maxForwards == 1 ? CheckMaxForwards(value) : Fail("multiple Max-Forwards header fields"),
                SipHeaderId.ContentLength => ++contentLength == 1 ? CheckContentLength(value) : Fail("multiple Content-Length header fields"),
                SipHeaderId.Via => CheckVias(value, ref via),
                SipHeaderId.Contact => CheckNameAddressList(value, "Contact", allowStar: true),
                SipHeaderId.Route => CheckNameAddressList(value, "Route", allowStar: false),
                SipHeaderId.RecordRoute => CheckNameAddressList(value, "Record-Route", allowStar: false),
                _ => true,
            };
            if (!ok)
            {
                return;
            }
        }
        if (via == 0 || to == 0 || from == 0 || callId == 0 || cseq == 0)
        {
            Fail("missing mandatory header field (Via, From, To, Call-ID or CSeq)");
            return;
        }
        if (isRequest && !data[CSeqMethodName].SequenceEqual(requestMethod))
        {
            Fail("CSeq method does not match the request method");
        }
    }

    private bool Fail(string reason)
    {
        Error = reason;
        return false;
    }

    private bool CheckNameAddress(ReadOnlySpan<byte> value, string name) =>
        NameAddressParser.TryParse(value, allowStar: false, out _) || Fail($"malformed {name} header field");

    private bool CheckNameAddressList(ReadOnlySpan<byte> value, string name, bool allowStar)
    {
        var count = 0;
        var star = false;
        foreach (var range in new SipValueSplitter(value))
        {
            count++;
            if (!NameAddressParser.TryParse(value[range], allowStar, out var parts))
            {
                return Fail($"malformed {name} header field");
            }
            star |= parts.IsStar;
        }
        return !star || count == 1 || Fail("Contact \"*\" combined with other contacts");
    }

    private bool CheckVias(ReadOnlySpan<byte> value, ref int count)
    {
        foreach (var range in new SipValueSplitter(value))
        {
            if (!ViaParser.TryParse(value[range], out _))
            {
                return Fail("malformed Via header field");
            }
            count++;
        }
        return true;
    }

    private bool CheckCallId(ReadOnlySpan<byte> value) =>
        (!value.IsEmpty && !SipText.ContainsLws(value)) || Fail("malformed Call-ID header field");

    private bool CheckCSeq(ReadOnlySpan<byte> value, SipHeaderEntry entry)
    {
        var i = 0;
        while (i < value.Length && char.IsAsciiDigit((char)value[i]))
        {
            i++;
        }
        if (!SipText.TryParseUInt32(value[..i], out CSeqNumber))
        {
            return Fail("CSeq sequence number missing or above 2^32-1");
        }
        var methodStart = SipText.SkipLws(value, i);
        if (methodStart == i || !SipText.IsToken(value[methodStart..]))
        {
            return Fail("malformed CSeq method");
        }
        CSeqMethodName = (entry.ValueStart + methodStart)..(entry.ValueStart + value.Length);
        CSeqMethod = SipMethods.Parse(value[methodStart..]);
        return true;
    }

    private bool CheckMaxForwards(ReadOnlySpan<byte> value) =>
        (SipText.TryParseInt32(value, out MaxForwards) && MaxForwards <= 255) || Fail("Max-Forwards must be 0-255");

    private bool CheckContentLength(ReadOnlySpan<byte> value) =>
        SipText.TryParseInt32(value, out ContentLength) || Fail("malformed Content-Length");
}
