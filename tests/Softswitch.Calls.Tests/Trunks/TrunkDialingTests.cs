using System.Net;
using Softswitch.Calls.Trunks;
using Softswitch.Sip.Transport;

namespace Softswitch.Calls.Tests.Trunks;

/// <summary>What the B2BUA sends a carrier for an outbound call.</summary>
public sealed class TrunkDialingTests
{
    private static readonly SipEndPoint Carrier = new(SipTransportKind.Udp, IPEndPoint.Parse("192.0.2.10:5060"));

    [Test, Description("RFC 3325 §9.1: P-Asserted-Identity")]
    public void The_extensions_own_number_is_presented_in_from_and_p_asserted_identity()
    {
        var trunk = Trunk(new TrunkSettings { Name = "c", Host = "sip.carrier.test", Username = "6139001", Password = "pw", CallerId = "61390000000" });
        var invite = TrunkDialing.CreateInvite(trunk, "0412345678", Carrier, default, callerNumber: "61390001234", callerName: "Alice");

        Assert.That(invite.Target.ToString(), Is.EqualTo("sip:0412345678@sip.carrier.test"));
        Assert.That(invite.From.ToString(), Is.EqualTo("\"Alice\" <sip:61390001234@sip.carrier.test>"));
        Assert.That(invite.Headers, Does.Contain(new KeyValuePair<string, string>("P-Asserted-Identity", "\"Alice\" <sip:61390001234@sip.carrier.test>")));
        Assert.That(invite.Credentials, Is.EqualTo(new Sip.Dialogs.DigestLogin("6139001", "pw")));
        Assert.That(invite.Destination, Is.EqualTo(Carrier));
    }

    [Test]
    public void Without_a_number_of_its_own_the_trunks_caller_id_then_its_username_is_presented()
    {
        var withCallerId = Trunk(new TrunkSettings { Name = "c", Host = "192.0.2.10", Port = 5070, Username = "u1", CallerId = "61390000000", AuthUsername = "auth1", Password = "pw" });
        var invite = TrunkDialing.CreateInvite(withCallerId, "100", Carrier, default);
        Assert.That(invite.From.Uri.User, Is.EqualTo("61390000000"));
        Assert.That(invite.Target.ToString(), Is.EqualTo("sip:100@192.0.2.10:5070"));
        Assert.That(invite.Credentials!.Username, Is.EqualTo("auth1"), "auth_username answers the challenge");

        var bare = Trunk(new TrunkSettings { Name = "c", Host = "192.0.2.10", Username = "u1" });
        Assert.That(TrunkDialing.CreateInvite(bare, "100", Carrier, default).From.Uri.User, Is.EqualTo("u1"));
        Assert.That(TrunkDialing.CreateInvite(bare, "100", Carrier, default).Credentials, Is.Null, "no password, no digest");
    }

    [Test, Description("RFC 3323 §4.1.1.3: with no number to present the caller is anonymous, never a From without a user")]
    public void An_ip_trunk_without_caller_id_or_username_presents_anonymous_unless_the_extension_has_a_number()
    {
        var trunk = Trunk(new TrunkSettings { Name = "ip", Host = "192.0.2.10" });

        var invite = TrunkDialing.CreateInvite(trunk, "0412345678", Carrier, default);

        Assert.That(invite.From.ToString(), Is.EqualTo("<sip:anonymous@192.0.2.10>"));
        Assert.That(invite.ContactUser, Is.EqualTo("anonymous"));
        Assert.That(TrunkDialing.CreateInvite(trunk, "0412345678", Carrier, default, callerNumber: "61390001234").From.Uri.User,
            Is.EqualTo("61390001234"));
    }

    [Test, Description("RFC 3261 §8.1.2: a loose route to the outbound proxy")]
    public void An_outbound_proxy_becomes_a_loose_route_and_from_domain_names_the_domain()
    {
        var trunk = Trunk(new TrunkSettings { Name = "c", Host = "sip.carrier.test", FromDomain = "voice.carrier.test", OutboundProxy = "proxy.carrier.test:5080", Username = "u" });
        var invite = TrunkDialing.CreateInvite(trunk, "100", Carrier, default);
        Assert.That(invite.Headers, Does.Contain(new KeyValuePair<string, string>("Route", "<sip:proxy.carrier.test:5080;lr>")));
        Assert.That(invite.Target.ToString(), Is.EqualTo("sip:100@voice.carrier.test"));
    }

    private static TrunkState Trunk(TrunkSettings settings) => new TrunkRegistry([settings]).Trunks[0];
}
