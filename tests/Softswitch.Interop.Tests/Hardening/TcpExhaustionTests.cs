using System.Diagnostics;
using System.Net;
using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Hardening;

/// <summary>
/// Finding 4 of issue 8: one address must not be able to shut off SIP over TCP, neither by opening every connection
/// the switch allows nor by holding connections with a byte now and then. The good phone stays on 127.0.0.1.
/// </summary>
[TestFixture, NonParallelizable]
public sealed class TcpExhaustionTests
{
    private static readonly IPAddress Attacker = IPAddress.Parse("127.0.0.2");
    private static readonly IPAddress OtherAttacker = IPAddress.Parse("127.0.0.3");

    [Test]
    public async Task Forty_connections_from_one_address_leave_32_open_and_a_phone_on_another_address_is_served()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync(GoodPhone.EchoRouteYaml);
        var flood = new List<RawTcpSipClient>();
        try
        {
            for (var i = 0; i < 40; i++) flood.Add(await RawTcpSipClient.ConnectAsync(Attacker, softswitch.Port));

            var closed = await WaitForClosedAsync(flood, expected: 8, TimeSpan.FromSeconds(10));
            Assert.That(closed, Has.Count.EqualTo(8), "connections beyond 32 from 127.0.0.2 are closed at once");
            var open = flood.Except(closed).ToList();
            foreach (var connection in open)
            {
                Assert.That(await connection.OptionsAsync(), Is.EqualTo(200), "the 32 within the limit are served");
            }

            var probe = await Sipp.RunAsync(softswitch, "options.xml", TimeSpan.FromSeconds(10), "-t", "t1", "-m", "1");
            Assert.That(probe.ExitCode, Is.EqualTo(0), () => $"OPTIONS over TCP from 127.0.0.1 during the flood:\n{probe}");
            var register = await Sipp.RunAsync(softswitch, "register-digest.xml", TimeSpan.FromSeconds(15),
                "-t", "t1", "-s", "1002", "-au", "1002", "-ap", SoftswitchProcess.Password1002, "-m", "1");
            Assert.That(register.ExitCode, Is.EqualTo(0), () => $"REGISTER over TCP from 127.0.0.1 during the flood:\n{register}");
            await GoodPhone.AssertServedAsync(softswitch, "during the connection flood");
            Assert.That(softswitch.Output.Split('\n').Count(line => line.Contains("reached the per-address limit", StringComparison.Ordinal)),
                Is.EqualTo(1), "the refusals are logged once, not once per connection");
        }
        finally
        {
            flood.ForEach(connection => connection.Dispose());
        }

        await GoodPhone.AssertServedAsync(softswitch, "after the connection flood");
    }

    [Test]
    public async Task Slow_loris_sending_a_byte_a_second_is_closed_after_the_message_timeout()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync(GoodPhone.EchoRouteYaml, "--sip:tcp_message_timeout_seconds=2");
        using var loris = await RawTcpSipClient.ConnectAsync(Attacker, softswitch.Port);
        await loris.SendAsync("OPTIONS sip:127.0.0.1 SIP/2.0\r\nX-Never-Ending: ");
        var clock = Stopwatch.StartNew();

        var bytesSent = 0;
        var servedDuring = GoodPhone.AssertServedAsync(softswitch, "during the slow-loris attack");
        while (bytesSent < 15 && loris.TrySendByte((byte)'a') && !loris.IsClosedWithin(TimeSpan.FromSeconds(1))) bytesSent++;
        await servedDuring;

        Assert.That(loris.IsClosedWithin(TimeSpan.FromSeconds(1)), Is.True, $"still open after {bytesSent} bytes a second apart");
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(6)), "closed about 2 s after the message began");
        await GoodPhone.AssertServedAsync(softswitch, "after the slow-loris attack");
    }

    [Test]
    [Description("RFC 5626 §4.4.1")]
    public async Task Keep_alive_pings_hold_a_connection_past_the_idle_timeout_only_once_a_phone_registered_over_it()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync(GoodPhone.EchoRouteYaml, "--sip:tcp_idle_timeout_seconds=3");
        using var stranger = await RawTcpSipClient.ConnectAsync(OtherAttacker, softswitch.Port);
        using var phone = await RawTcpSipClient.ConnectAsync(IPAddress.Loopback, softswitch.Port);
        Assert.That(await stranger.OptionsAsync(), Is.EqualTo(200));
        Assert.That(await phone.RegisterAsync("1002", SoftswitchProcess.Password1002), Is.EqualTo(200));
        var clock = Stopwatch.StartNew();

        // Both ping every second for 7 s, more than twice the idle timeout.
        int strangerPongs = 0, phonePongs = 0;
        for (var second = 0; second < 7; second++)
        {
            if (await stranger.PingAsync()) strangerPongs++;
            if (await phone.PingAsync()) phonePongs++;
            await Task.Delay(TimeSpan.FromSeconds(1) - TimeSpan.FromMilliseconds(clock.ElapsedMilliseconds % 1000));
        }

        Assert.That(stranger.IsClosedWithin(TimeSpan.Zero), Is.True, $"pings without a registration held the connection ({strangerPongs} pongs)");
        Assert.That(strangerPongs, Is.InRange(2, 5), "closed about 3 s in, pings answered until then");
        Assert.That(phonePongs, Is.EqualTo(7), "the registered phone's pings kept its connection");
        Assert.That(phone.IsClosedWithin(TimeSpan.FromSeconds(6)), Is.True, "once the phone stops pinging, the idle timeout applies");
        await GoodPhone.AssertServedAsync(softswitch, "after the keep-alive test");
    }

    /// <summary>The connections the switch has closed, once <paramref name="expected"/> of them are, or at the deadline.</summary>
    private static async Task<List<RawTcpSipClient>> WaitForClosedAsync(List<RawTcpSipClient> connections, int expected, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        var closed = new List<RawTcpSipClient>();
        while (clock.Elapsed < deadline)
        {
            closed = connections.Where(c => c.IsClosedWithin(TimeSpan.Zero)).ToList();
            if (closed.Count >= expected) break;
            await Task.Delay(100);
        }

        // A moment more: none of the rest may follow.
        await Task.Delay(500);
        return connections.Where(c => c.IsClosedWithin(TimeSpan.Zero)).ToList();
    }
}
