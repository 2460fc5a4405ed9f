namespace Softswitch.Sip.Messages;

/// <summary>What the parser learned about a message, handed to the message constructors (a struct: no extra allocation).</summary>
internal readonly struct SipMessageLayout
{
    public required byte[] Buffer { get; init; }
    public required SipHeaderEntry[] Headers { get; init; }
    public int BodyStart { get; init; }
    public int BodyLength { get; init; }
    public uint CSeqNumber { get; init; }
    public SipMethod CSeqMethod { get; init; }
    public Range CSeqMethodName { get; init; }
    public int MaxForwards { get; init; }
    public SipMethod Method { get; init; }
    public Range MethodName { get; init; }
    public Range RequestUri { get; init; }
    public int StatusCode { get; init; }
    public Range ReasonPhrase { get; init; }
}
