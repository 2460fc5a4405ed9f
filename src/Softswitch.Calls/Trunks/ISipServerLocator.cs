using Softswitch.Sip.Transport;

namespace Softswitch.Calls.Trunks;

/// <summary>
/// RFC 3263 §4: where to send requests for a SIP host. For a name without a port, the SRV records of
/// <c>_sip._udp</c>/<c>_sip._tcp</c> (by priority, weighted within one), each target's A/AAAA; without SRV records,
/// or for a name with a port, its A/AAAA; an IP address as it is. The list is in failover order.
/// </summary>
public interface ISipServerLocator
{
    /// <summary>The targets in the order to try; empty when the name does not resolve. Never throws for DNS failures.</summary>
    Task<IReadOnlyList<SipEndPoint>> LocateAsync(string host, int port, SipTransportKind transport, CancellationToken cancellationToken);
}
