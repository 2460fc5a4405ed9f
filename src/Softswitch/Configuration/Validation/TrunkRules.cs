using System.Net;
using Softswitch.Configuration.Options;

namespace Softswitch.Configuration.Validation;

/// <summary>Rules for the <c>trunks</c> list and the <c>dns</c> section.</summary>
public static class TrunkRules
{
    /// <summary>Unique names, a usable carrier address, credentials when registering, sane numbers.</summary>
    public static void Check(SoftswitchOptions options, ValidationContext context)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var dids = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Trunks.Count; i++)
        {
            var trunk = options.Trunks[i];
            var path = context.ItemPath("trunks", i);
            string Key(string name) => ConfigKeys.Combine(path, name);
            if (string.IsNullOrWhiteSpace(trunk.Name)) context.Error(Key("name"), "name is missing");
            else if (!trunk.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
                context.Error(Key("name"), $"'{trunk.Name}' is not a trunk name (letters, digits, - _ .)");
            else if (!names.Add(trunk.Name)) context.Error(Key("name"), $"trunk '{trunk.Name}' is defined twice");

            if (string.IsNullOrWhiteSpace(trunk.Host)) context.Error(Key("host"), "host is missing (the carrier's DNS name or IP address)");
            else if (!IsHost(trunk.Host)) context.Error(Key("host"), $"'{trunk.Host}' is not a DNS name or IP address");
            if (trunk.Port is < 0 or > 65535) context.Error(Key("port"), $"{trunk.Port} is not a port (0 = SRV, else 1-65535)");
            if (!trunk.Transport.Equals("udp", StringComparison.OrdinalIgnoreCase) && !trunk.Transport.Equals("tcp", StringComparison.OrdinalIgnoreCase))
                context.Error(Key("transport"), $"'{trunk.Transport}' is not a trunk transport (udp or tcp)");
            if (trunk.Register && string.IsNullOrWhiteSpace(trunk.Username)) context.Error(Key("username"), "a trunk that registers needs a username");
            if (trunk.Register && string.IsNullOrEmpty(trunk.Password)) context.Error(Key("password"), "a trunk that registers needs a password");
            if (trunk.RegisterExpires is < 60 or > 86_400) context.Error(Key("register_expires"), $"{trunk.RegisterExpires} is outside 60-86400 seconds");
            if (trunk.OutboundProxy is { } proxy && !IsHostPort(proxy)) context.Error(Key("outbound_proxy"), $"'{proxy}' is not host[:port]");
            if (trunk.FromDomain is { } domain && !IsHost(domain)) context.Error(Key("from_domain"), $"'{domain}' is not a domain");
            if (trunk.CallerId is { } callerId && !IsNumber(callerId)) context.Error(Key("caller_id"), $"'{callerId}' is not a number (digits, optional leading +)");
            if (string.IsNullOrWhiteSpace(trunk.CallerId) && string.IsNullOrWhiteSpace(trunk.Username))
                context.Warning(Key("caller_id"), "no caller_id nor username: calls from extensions without a caller_id of their own present 'anonymous' to the carrier");
            if (trunk.MaxCalls < 0) context.Error(Key("max_calls"), $"{trunk.MaxCalls} is negative (0 = unlimited)");
            if (trunk.OptionsIntervalSeconds is < 0 or > 3600) context.Error(Key("options_interval_seconds"), $"{trunk.OptionsIntervalSeconds} is outside 0-3600 (0 = off)");
            if (string.IsNullOrWhiteSpace(trunk.Context)) context.Error(Key("context"), "context must not be empty");
            for (var d = 0; d < trunk.Dids.Count; d++)
            {
                var did = trunk.Dids[d];
                var didKey = context.ItemPath(Key("dids"), d);
                if (!IsNumber(did)) context.Error(didKey, $"'{did}' is not a number (digits, optional leading +)");
                else if (!dids.TryAdd(did, trunk.Name)) context.Error(didKey, $"DID {did} is delivered by trunk '{dids[did]}' already");
            }

            for (var a = 0; a < trunk.AllowFrom.Count; a++)
            {
                if (!SecurityNetworks.TryParse(trunk.AllowFrom[a], out _))
                    context.Error(context.ItemPath(Key("allow_from"), a), $"'{trunk.AllowFrom[a]}' is not a network (CIDR such as 203.0.113.0/24, or one address)");
            }
        }

        for (var i = 0; i < options.Dns.Servers.Count; i++)
        {
            if (!IPEndPoint.TryParse(options.Dns.Servers[i], out _))
                context.Error(context.ItemPath("dns:servers", i), $"'{options.Dns.Servers[i]}' is not address or address:port");
        }
    }

    /// <summary>An IP address or a DNS name (letters, digits, hyphens, dots).</summary>
    public static bool IsHost(string host) =>
        IPAddress.TryParse(host, out _)
        || host.Length is > 0 and <= 253 && host.Split('.').All(label => label.Length is > 0 and <= 63
            && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && label[0] != '-' && label[^1] != '-');

    private static bool IsHostPort(string text)
    {
        if (IPAddress.TryParse(text, out _)) return true;
        if (IPEndPoint.TryParse(text, out var endPoint)) return endPoint.Port > 0;
        var colon = text.LastIndexOf(':');
        if (colon < 0) return IsHost(text);
        return IsHost(text[..colon]) && int.TryParse(text[(colon + 1)..], out var port) && port is > 0 and <= 65535;
    }

    /// <summary>A telephone number as a caller ID or DID: digits with an optional leading +.</summary>
    internal static bool IsNumber(string text)
    {
        var digits = text.StartsWith('+') ? text[1..] : text;
        return digits.Length is > 0 and <= 32 && digits.All(char.IsAsciiDigit);
    }
}
