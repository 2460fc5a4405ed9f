using System.Net;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;
using static Softswitch.Sip.Tests.Transactions.Messages;

namespace Softswitch.Sip.Tests.Transactions;

public sealed class ResponseDestinationTests
{
    private static readonly SipEndPoint NatSource = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("127.0.0.9"), 40123));

    [Test, Description("RFC 3581 §4")]
    public void With_rport_the_response_goes_to_the_packet_source()
    {
        var destination = ResponseDestination.For(Request("REGISTER", viaExtra: ";rport", viaPort: 5090), NatSource);
        Assert.That(destination, Is.EqualTo(NatSource));
    }

    [Test, Description("RFC 3261 §18.2.2")]
    public void Without_rport_the_response_goes_to_the_source_address_at_the_sent_by_port()
    {
        var destination = ResponseDestination.For(Request("REGISTER", viaExtra: "", viaPort: 5090), NatSource);
        Assert.That(destination.Address, Is.EqualTo(new IPEndPoint(IPAddress.Parse("127.0.0.9"), 5090)));
    }

    [Test, Description("RFC 3261 §18.2.2")]
    public void Over_tcp_the_response_uses_the_same_connection()
    {
        var destination = ResponseDestination.For(Request("REGISTER", transport: "TCP"), PhoneTcp);
        Assert.That(destination, Is.EqualTo(PhoneTcp));
    }
}
