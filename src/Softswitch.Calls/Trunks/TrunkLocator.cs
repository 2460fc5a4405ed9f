using Softswitch.Sip.Transport;

namespace Softswitch.Calls.Trunks;

/// <summary>
/// Where a trunk's requests go (its outbound proxy, else the carrier, RFC 3263), and which sources count as the
/// carrier: each lookup also refreshes the trunk's <see cref="TrunkState.ResolvedAddresses"/>.
/// </summary>
public sealed class TrunkLocator(ISipServerLocator dns)
{
    /// <summary>The targets in failover order; empty when nothing resolves.</summary>
    public async Task<IReadOnlyList<SipEndPoint>> LocateAsync(TrunkState trunk, CancellationToken cancellationToken)
    {
        var settings = trunk.Settings;
        var carrier = await dns.LocateAsync(settings.Host, settings.Port, settings.Transport, cancellationToken);
        var targets = carrier;
        if (!string.IsNullOrWhiteSpace(settings.OutboundProxy))
        {
            var (host, port) = TrunkHostPort.Split(settings.OutboundProxy);
            targets = await dns.LocateAsync(host, port, settings.Transport, cancellationToken);
        }

        if (carrier.Count > 0 || targets.Count > 0) trunk.SetResolved(carrier.Concat(targets));
        return targets;
    }
}
