namespace Softswitch.Sip.Messages;

/// <summary>A parsed SIP request (RFC 3261 §7.1).</summary>
public sealed class SipRequest : SipMessage
{
    private readonly Range _methodName;
    private readonly Range _requestUri;
    private string? _methodNameText;
    private SipUri? _uri;

    internal SipRequest(in SipMessageLayout layout) : base(layout)
    {
        Method = layout.Method;
        _methodName = layout.MethodName;
        _requestUri = layout.RequestUri;
    }

    public override bool IsRequest => true;

    public SipMethod Method { get; }

    /// <summary>The method token as received; for extension methods the only way to tell them apart.</summary>
    public string MethodName => _methodNameText ??= SipMethods.NameOf(Method, Buffer[_methodName]);

    public SipUri RequestUri
    {
        get
        {
            if (_uri is null)
            {
                var text = Buffer[_requestUri];
                SipUriParser.TryParse(text, out var parts);
                _uri = SipUri.FromParts(text, in parts);
            }
            return _uri;
        }
    }

    private protected override void RenderStartLine(ref SipOutput output)
    {
        output.Write(Buffer[_methodName]);
        output.Write(" "u8);
        output.Write(Buffer[_requestUri]);
        output.Write(" SIP/2.0\r\n"u8);
    }
}
