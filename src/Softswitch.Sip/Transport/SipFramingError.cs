namespace Softswitch.Sip.Transport;

/// <summary>Why a byte stream (TCP) or datagram could not be turned into a SIP message.</summary>
public enum SipFramingError
{
    /// <summary>Headers or body exceed the configured maximum message size.</summary>
    MessageTooLarge,
    /// <summary>Content-Length missing on a stream transport, or not a number (§18.3, §20.14).</summary>
    BadContentLength,
}
