using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Softswitch.Hosting;

/// <summary>Chooses the address media binds to and SDP advertises: rtp.address, else the SIP listen address, else the first non-loopback IPv4.</summary>
internal static class MediaAddress
{
    public static IPAddress Choose(string? configured, IPAddress sipListen)
    {
        if (configured is { Length: > 0 } && IPAddress.TryParse(configured, out var explicitAddress)) return explicitAddress;
        if (!sipListen.Equals(IPAddress.Any) && !sipListen.Equals(IPAddress.IPv6Any)) return sipListen;
        return NetworkInterface.GetAllNetworkInterfaces()
            .Where(nic => nic.OperationalStatus == OperationalStatus.Up && nic.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(nic => nic.GetIPProperties().UnicastAddresses)
            .Select(unicast => unicast.Address)
            .FirstOrDefault(address => address.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(address))
            ?? IPAddress.Loopback;
    }
}
