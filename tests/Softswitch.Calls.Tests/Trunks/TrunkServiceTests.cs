using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Calls.Tests.Support;
using Softswitch.Calls.Trunks;
using Softswitch.Sip.Messages;

namespace Softswitch.Calls.Tests.Trunks;

public sealed class TrunkServiceTests
{
    [Test]
    public async Task A_trunk_that_neither_registers_nor_pings_is_still_looked_up_once_so_its_address_is_recognised()
    {
        var time = new CountingTimeProvider();
        var dns = new FakeSipServerLocator("192.0.2.10:5060");
        await using var service = new TrunkService([new TrunkSettings { Name = "quiet", Host = "sip.quiet.test", OptionsInterval = TimeSpan.Zero }],
            dns, time, NullLoggerFactory.Instance);
        var sender = new FakeTrunkRequestSender();
        service.Attach(sender, new TrunkLocalAddress("127.0.0.1", 5060));

        await service.StartAsync(CancellationToken.None);

        var invite = (SipRequest)ParseInvite();
        await Eventually.TrueAsync(() => service.Directory.IsTrunk(IPAddress.Parse("192.0.2.10"), invite), () => "the trunk's address was never learnt");
        Assert.That(await sender.NothingSentAsync(TimeSpan.FromMilliseconds(100)), Is.True, "no REGISTER, no OPTIONS");
        var targets = await service.LocateAsync(service.Registry.Find("quiet")!, CancellationToken.None);
        Assert.That(targets.Select(t => t.ToString()), Is.EqualTo(new[] { "udp:192.0.2.10:5060" }));
    }

    private static SipMessage ParseInvite()
    {
        var text = "INVITE sip:6139001@switch.test SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK1\r\nMax-Forwards: 70\r\n" +
                   "From: <sip:0390001111@carrier.test>;tag=a\r\nTo: <sip:6139001@switch.test>\r\nCall-ID: c1\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n";
        SipMessageParser.TryParse(System.Text.Encoding.ASCII.GetBytes(text), out var parsed, out _);
        return parsed!;
    }
}
