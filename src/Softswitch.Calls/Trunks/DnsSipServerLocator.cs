using System.Net;
using System.Net.Sockets;
using DnsClient;
using DnsClient.Protocol;
using Microsoft.Extensions.Logging;
using Softswitch.Sip.Transport;

namespace Softswitch.Calls.Trunks;

/// <summary>
/// <see cref="ISipServerLocator"/> over DNS (DnsClient): the given name servers, or the system's when none are given.
/// Answers are cached for their TTL by the client; a failed or empty lookup gives an empty list, never an exception.
/// </summary>
public sealed partial class DnsSipServerLocator : ISipServerLocator
{
    private const int DefaultPort = 5060;
    private readonly LookupClient _dns;
    private readonly ILogger<DnsSipServerLocator> _logger;

    /// <param name="servers">Name servers to ask; empty means the system's (/etc/resolv.conf).</param>
    public DnsSipServerLocator(IReadOnlyList<IPEndPoint> servers, ILogger<DnsSipServerLocator> logger)
    {
        var options = servers.Count == 0 ? new LookupClientOptions() : new LookupClientOptions(servers.Select(s => new NameServer(s)).ToArray());
        options.UseCache = true;
        options.Timeout = TimeSpan.FromSeconds(2);
        options.Retries = 1;
        options.ThrowDnsErrors = false;
        _dns = new LookupClient(options);
        _logger = logger;
    }

    public async Task<IReadOnlyList<SipEndPoint>> LocateAsync(string host, int port, SipTransportKind transport, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var literal)) return [new SipEndPoint(transport, new IPEndPoint(literal, port == 0 ? DefaultPort : port))];
        try
        {
            if (port != 0) return await AddressesAsync(host, port, transport, cancellationToken);
            var service = (transport == SipTransportKind.Tcp ? "_sip._tcp." : "_sip._udp.") + host;
            var srv = await _dns.QueryAsync(service, QueryType.SRV, QueryClass.IN, cancellationToken);
            var records = srv.Answers.SrvRecords()
                .Where(r => r.Target.Value is not ("." or ""))
                .Select(r => new SrvTarget(r.Priority, r.Weight, r.Port, r.Target.Value.TrimEnd('.')))
                .ToList();
            if (records.Count == 0) return await AddressesAsync(host, DefaultPort, transport, cancellationToken);

            var targets = new List<SipEndPoint>();
            foreach (var record in SrvOrdering.Order(records, Random.Shared))
            {
                targets.AddRange(await AddressesAsync(record.Host, record.Port, transport, cancellationToken, srv.Additionals));
            }

            return targets;
        }
        catch (Exception error) when (error is DnsResponseException or SocketException or TimeoutException)
        {
            LogLookupFailed(host, error.Message);
            return [];
        }
    }

    /// <summary>A then AAAA records of <paramref name="host"/>; the SRV answer's additional records first when they hold them.</summary>
    private async Task<IReadOnlyList<SipEndPoint>> AddressesAsync(string host, int port, SipTransportKind transport,
        CancellationToken cancellationToken, IReadOnlyList<DnsResourceRecord>? additionals = null)
    {
        var name = host.TrimEnd('.') + ".";
        var known = additionals?.OfType<AddressRecord>().Where(r => string.Equals(r.DomainName.Value, name, StringComparison.OrdinalIgnoreCase))
            .Select(r => r.Address).ToList() ?? [];
        if (known.Count == 0)
        {
            var a = await _dns.QueryAsync(host, QueryType.A, QueryClass.IN, cancellationToken);
            known.AddRange(a.Answers.ARecords().Select(r => r.Address));
            var aaaa = await _dns.QueryAsync(host, QueryType.AAAA, QueryClass.IN, cancellationToken);
            known.AddRange(aaaa.Answers.AaaaRecords().Select(r => r.Address));
        }

        if (known.Count == 0) LogNoAddress(host);
        return known.OrderBy(address => address.AddressFamily == AddressFamily.InterNetwork ? 0 : 1)
            .Select(address => new SipEndPoint(transport, new IPEndPoint(address, port))).ToList();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "DNS lookup of {Host} failed: {Reason}")]
    private partial void LogLookupFailed(string host, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DNS: {Host} has no A or AAAA record")]
    private partial void LogNoAddress(string host);
}
