namespace Softswitch.Sip.Transport;

/// <summary>The transports the switch speaks (RFC 3261 §18). TLS comes later.</summary>
public enum SipTransportKind
{
    Udp,
    Tcp,
}
