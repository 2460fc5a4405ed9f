using System.Net;
using Softswitch.Calls.Trunks;
using Softswitch.Configuration.Options;
using Softswitch.Sip.Transport;

namespace Softswitch.Hosting;

/// <summary>The <c>trunks</c> and <c>dns</c> configuration as the call layer's types.</summary>
internal static class TrunkSettingsMap
{
    public static TrunkSettings From(TrunkOptions trunk) => new()
    {
        Name = trunk.Name,
        Host = trunk.Host,
        Port = trunk.Port,
        Transport = trunk.Transport.Equals("tcp", StringComparison.OrdinalIgnoreCase) ? SipTransportKind.Tcp : SipTransportKind.Udp,
        Username = trunk.Username,
        Password = trunk.Password,
        AuthUsername = Blank(trunk.AuthUsername),
        Register = trunk.Register,
        RegisterExpires = TimeSpan.FromSeconds(trunk.RegisterExpires),
        OutboundProxy = Blank(trunk.OutboundProxy),
        FromDomain = Blank(trunk.FromDomain),
        CallerId = Blank(trunk.CallerId),
        Dids = trunk.Dids.ToList(),
        AllowFrom = SecurityNetworks.ParseAll(trunk.AllowFrom),
        MaxCalls = trunk.MaxCalls,
        OptionsInterval = TimeSpan.FromSeconds(trunk.OptionsIntervalSeconds),
        Context = trunk.Context,
    };

    /// <summary>The configured name servers; a bare address means port 53.</summary>
    public static IReadOnlyList<IPEndPoint> DnsServers(DnsOptions dns) =>
        dns.Servers.Select(s => IPEndPoint.TryParse(s, out var endPoint) ? endPoint : null).OfType<IPEndPoint>()
            .Select(e => e.Port == 0 ? new IPEndPoint(e.Address, 53) : e).ToList();

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
