namespace Softswitch.Sip.Messages;

/// <summary>A parsed SIP response (RFC 3261 §7.2).</summary>
public sealed class SipResponse : SipMessage
{
    private readonly Range _reasonPhrase;
    private string? _reasonText;

    internal SipResponse(in SipMessageLayout layout) : base(layout)
    {
        StatusCode = layout.StatusCode;
        _reasonPhrase = layout.ReasonPhrase;
    }

    public override bool IsRequest => false;

    /// <summary>100-699.</summary>
    public int StatusCode { get; }

    /// <summary>The reason phrase as received (UTF-8, may be empty: RFC 4475 noreason).</summary>
    public string ReasonPhrase => _reasonText ??= SipText.Decode(Buffer[_reasonPhrase]);

    public bool IsProvisional => StatusCode < 200;

    public bool IsSuccess => StatusCode is >= 200 and < 300;

    private protected override void RenderStartLine(ref SipOutput output)
    {
        output.Write("SIP/2.0 "u8);
        output.Write(StatusCode);
        output.Write(" "u8);
        output.Write(Buffer[_reasonPhrase]);
        output.Write("\r\n"u8);
    }
}
