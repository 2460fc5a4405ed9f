using System.Net;

namespace Softswitch.Sip.Transport;

/// <summary>
/// Where a message came from or goes to: the transport and the remote address.
/// For TCP the remote address names the connection (each connection has its own remote port),
/// so a response sent to the endpoint a request came from reuses that connection (§18.2.2).
/// </summary>
public readonly record struct SipEndPoint(SipTransportKind Transport, IPEndPoint Address)
{
    public override string ToString() => $"{Transport.ToString().ToLowerInvariant()}:{Address}";
}
