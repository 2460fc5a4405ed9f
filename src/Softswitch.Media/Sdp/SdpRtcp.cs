using System.Globalization;

namespace Softswitch.Media.Sdp;

/// <summary>
/// <c>a=rtcp:&lt;port&gt; [&lt;nettype&gt; &lt;addrtype&gt; &lt;address&gt;]</c> (RFC 3605): where the peer wants RTCP
/// when it is not on RTP port + 1, typically because a NAT mapped the ports apart.
/// </summary>
public sealed record SdpRtcp(int Port, SdpConnection? Connection = null)
{
    /// <summary>Reads the value after <c>a=rtcp:</c>; false when the port or address part is malformed.</summary>
    public static bool TryParse(string value, out SdpRtcp? rtcp)
    {
        rtcp = null;
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is not (1 or 4) || !SdpNumbers.TryParsePort(parts[0], out var port))
        {
            return false;
        }
        rtcp = new SdpRtcp(port, parts.Length == 4 ? new SdpConnection(parts[1], parts[2], parts[3]) : null);
        return true;
    }

    /// <summary>The value after <c>a=rtcp:</c>.</summary>
    public string ToAttributeValue() => Connection is null
        ? Port.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Port} {Connection}");
}
