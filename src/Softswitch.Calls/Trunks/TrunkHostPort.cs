using System.Globalization;
using System.Net;

namespace Softswitch.Calls.Trunks;

/// <summary>Splits <c>host[:port]</c> (an IPv6 address in brackets when it has a port); port 0 when none is given.</summary>
public static class TrunkHostPort
{
    public static (string Host, int Port) Split(string text)
    {
        var trimmed = text.Trim();
        if (IPAddress.TryParse(trimmed, out _) && !trimmed.StartsWith('[')) return (trimmed, 0);
        if (IPEndPoint.TryParse(trimmed, out var endPoint)) return (endPoint.Address.ToString(), endPoint.Port);
        var colon = trimmed.LastIndexOf(':');
        return colon > 0 && int.TryParse(trimmed.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            ? (trimmed[..colon], port)
            : (trimmed, 0);
    }
}
