using System.Net;
using System.Net.NetworkInformation;

namespace Softswitch.Calls.Signalling;

/// <summary>
/// Decides whether a Request-URI host is us: the configured domain, the public address, or any address
/// the switch listens on (phones are often set up with the IP). With a wildcard listen address every
/// local interface address counts.
/// </summary>
public sealed class LocalDomain
{
    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);

    public LocalDomain(SignallingOptions options)
    {
        _names.Add(options.Domain);
        if (!string.IsNullOrWhiteSpace(options.PublicAddress)) _names.Add(options.PublicAddress);
        foreach (var address in options.ListenAddresses)
        {
            if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
            {
                foreach (var local in LocalAddresses()) _names.Add(local.ToString());
            }
            else
            {
                _names.Add(address.ToString());
            }
        }

        _names.Add("localhost");
    }

    public bool IsOurs(string host)
    {
        // IPv6 references come as "[::1]" in URIs.
        var bare = host.Length > 2 && host[0] == '[' && host[^1] == ']' ? host[1..^1] : host;
        return _names.Contains(bare);
    }

    private static IEnumerable<IPAddress> LocalAddresses()
    {
        yield return IPAddress.Loopback;
        yield return IPAddress.IPv6Loopback;
        NetworkInterface[] interfaces;
        try
        {
            interfaces = NetworkInterface.GetAllNetworkInterfaces();
        }
        catch (NetworkInformationException)
        {
            yield break;
        }

        foreach (var nic in interfaces)
        {
            foreach (var unicast in nic.GetIPProperties().UnicastAddresses)
            {
                yield return unicast.Address;
            }
        }
    }
}
