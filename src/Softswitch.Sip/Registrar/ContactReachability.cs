using System.Net;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Registrar;

/// <summary>
/// Whether a phone can be reached at the Contact it registered, or only at the address its REGISTER came from (a
/// phone behind NAT writes its private address in Contact). The binding keeps both (<see cref="ContactBinding.ContactUri"/>
/// as sent, <see cref="ContactBinding.Source"/> as seen); requests to a phone go to the source whenever they differ,
/// as symmetric signalling (RFC 3581, RFC 5626 flows) expects, since the stack resolves no names.
/// </summary>
public static class ContactReachability
{
    /// <summary>
    /// True when the Contact's host:port is not the address the REGISTER came from (another address, another port, a
    /// name instead of an address, or a connection-oriented transport, whose source port is the phone's ephemeral one).
    /// </summary>
    public static bool IsBehindNat(ContactBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        if (binding.Source.Transport == SipTransportKind.Tcp) return true;
        if (!SipUri.TryParse(binding.ContactUri, out var contact) || contact is null) return true;
        var host = contact.Host.Length > 2 && contact.Host[0] == '[' ? contact.Host[1..^1] : contact.Host;
        if (!IPAddress.TryParse(host, out var address)) return true;
        var source = binding.Source.Address;
        var sourceAddress = source.Address.IsIPv4MappedToIPv6 ? source.Address.MapToIPv4() : source.Address;
        var port = contact.Port ?? (contact.IsSecure ? 5061 : ResponseDestination.DefaultSipPort);
        return !address.Equals(sourceAddress) || port != source.Port;
    }
}
