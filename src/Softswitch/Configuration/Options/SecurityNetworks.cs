using System.Net;

namespace Softswitch.Configuration.Options;

/// <summary>Reads <c>security.allow</c> entries: a CIDR network, or one address (a /32 or /128).</summary>
public static class SecurityNetworks
{
    /// <summary>Parses one entry; false when it is neither a network nor an address.</summary>
    public static bool TryParse(string? text, out IPNetwork network)
    {
        network = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var trimmed = text.Trim();
        if (trimmed.Contains('/', StringComparison.Ordinal)) return IPNetwork.TryParse(trimmed, out network);
        if (!IPAddress.TryParse(trimmed, out var address)) return false;
        network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        return true;
    }

    /// <summary>Every entry of <paramref name="entries"/> that parses (the validator reports the others).</summary>
    public static IReadOnlyList<IPNetwork> ParseAll(IEnumerable<string> entries) =>
        entries.Select(entry => TryParse(entry, out var network) ? network : (IPNetwork?)null).OfType<IPNetwork>().ToList();
}
