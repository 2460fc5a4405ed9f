using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Calls.Trunks;
using Softswitch.Sip.Messages;

namespace Softswitch.Calls.Tests.Trunks;

/// <summary>OPTIONS keepalive: any response is Up, none is Down, every interval.</summary>
public sealed class TrunkKeepaliveTests
{
    [Test, Description("RFC 3261 §11")]
    public async Task Any_response_is_up_and_a_timeout_is_down_probing_every_interval()
    {
        var time = new CountingTimeProvider();
        var sender = new FakeTrunkRequestSender();
        var trunk = new TrunkRegistry([new TrunkSettings { Name = "carrier1", Host = "sip.carrier.test", OptionsInterval = TimeSpan.FromSeconds(30) }]).Trunks[0];
        await using var keepalive = new TrunkKeepalive(trunk, new TrunkSignalling(new TrunkLocator(new FakeSipServerLocator("192.0.2.10:5060")), sender,
            new TrunkLocalAddress("127.0.0.1", 5060), time, NullLogger.Instance));
        keepalive.Start();

        var first = await sender.NextAsync();
        Assert.That(first.Request.Method, Is.EqualTo(SipMethod.Options));
        Assert.That(first.Request.RequestUri.ToString(), Is.EqualTo("sip:sip.carrier.test"));
        var timers = time.TimersCreated;
        first.Answer(404); // a carrier that does not serve OPTIONS still answers: it is there
        await time.TimerArmedAsync(timers);
        Assert.That(trunk.Reachability, Is.EqualTo(TrunkReachability.Up));
        Assert.That(trunk.Snapshot().CurrentTarget?.ToString(), Is.EqualTo("udp:192.0.2.10:5060"));

        time.Advance(TimeSpan.FromSeconds(29));
        Assert.That(await sender.NothingSentAsync(TimeSpan.FromMilliseconds(100)), Is.True);
        time.Advance(TimeSpan.FromSeconds(1));
        var second = await sender.NextAsync();
        timers = time.TimersCreated;
        second.TimeOut();
        await time.TimerArmedAsync(timers);
        Assert.That(trunk.Reachability, Is.EqualTo(TrunkReachability.Down));
    }
}
