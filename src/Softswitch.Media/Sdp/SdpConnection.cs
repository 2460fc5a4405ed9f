using System.Net;
using System.Net.Sockets;

namespace Softswitch.Media.Sdp;

/// <summary>
/// A <c>c=</c> line (RFC 8866 §5.7): <c>c=IN IP4 192.0.2.1</c>. <see cref="Address"/> is kept as written,
/// including a multicast <c>/ttl</c> suffix if any; <see cref="Host"/> strips it.
/// </summary>
public sealed record SdpConnection(string NetworkType, string AddressType, string Address)
{
    /// <summary>The address without a multicast <c>/ttl/count</c> suffix.</summary>
    public string Host
    {
        get
        {
            var slash = Address.IndexOf('/');
            return slash < 0 ? Address : Address[..slash];
        }
    }

    /// <summary>
    /// True for <c>0.0.0.0</c> (or <c>::</c>): the RFC 2543 way to put a call on hold,
    /// still sent by older phones (RFC 3264 §8.4 asks answerers to understand it).
    /// </summary>
    public bool IsUnspecified => Host is "0.0.0.0" or "::";

    /// <summary>A connection line for an IP literal, choosing IP4 or IP6 from its form.</summary>
    public static SdpConnection ForAddress(string address) =>
        new("IN", AddressTypeOf(address), address);

    internal static string AddressTypeOf(string address) =>
        IPAddress.TryParse(address, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6 ? "IP6" : "IP4";

    /// <summary>The text after <c>c=</c>.</summary>
    public override string ToString() => $"{NetworkType} {AddressType} {Address}";
}
