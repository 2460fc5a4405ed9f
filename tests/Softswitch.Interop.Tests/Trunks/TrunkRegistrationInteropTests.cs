using System.Net;
using System.Net.Sockets;
using System.Text;
using Softswitch.Calls.Tests.Support;
using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Trunks;

/// <summary>The real switch registering to a sipp "carrier": digest checked by sipp, refresh, unregister, failover by SRV.</summary>
[TestFixture]
public sealed class TrunkRegistrationInteropTests
{
    private static string TrunkYaml(string host, int port, int optionsInterval = 0, string extra = "") => $"""
        trunks:
          - name: carrier1
            host: {host}
            port: {port}
            username: "6139001"
            password: trunk-secret
            register: true
            register_expires: 600
            options_interval_seconds: {optionsInterval}
            dids: ["6139001"]
        {extra}
        """;

    [Test, Description("RFC 3261 §10.2, §22: the carrier's sipp verifies our digest (verifyauth)")]
    public async Task The_switch_registers_with_digest_refreshes_before_expiry_and_unregisters_when_it_stops()
    {
        await using var carrier = SippCarrier.Start("carrier-registrar.xml", calls: 1, TimeSpan.FromSeconds(40));
        var softswitch = await SoftswitchProcess.StartAsync(TrunkYaml("127.0.0.1", carrier.Port));
        try
        {
            // Registration (REGISTER, 401, REGISTER) and the refresh 2 s after the 4 s grant (the same again).
            var refreshed = await carrier.WaitForTraceAsync("REGISTER sip:127.0.0.1", 4, TimeSpan.FromSeconds(20));
            Assert.That(refreshed, Is.True, $"sipp saw {carrier.CountInTrace("REGISTER sip:127.0.0.1")} REGISTERs\n{softswitch.Output}");
            await Task.Delay(500); // the 200 for the refresh reaches the switch
        }
        finally
        {
            await softswitch.DisposeAsync(); // SIGTERM: the switch unregisters (Expires: 0) before it exits
        }

        var result = await carrier.Run;
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        Assert.That(carrier.CountInTrace("REGISTER sip:127.0.0.1"), Is.EqualTo(6), "register, refresh, unregister: each challenged once");
    }

    [Test, Description("RFC 3263 §4.3: a target that does not answer, then the next SRV target")]
    public async Task When_the_first_srv_target_is_silent_the_switch_registers_at_the_second()
    {
        using var silent = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var silentPort = ((IPEndPoint)silent.Client.LocalEndPoint!).Port;
        await using var carrier = SippCarrier.Start("carrier-registrar-once.xml", calls: 1, TimeSpan.FromSeconds(40));
        await using var dns = new TinyDnsServer()
            .Srv("_sip._udp.carrier.test", 10, 0, (ushort)silentPort, "dead.carrier.test").A("dead.carrier.test", "127.0.0.1")
            .Srv("_sip._udp.carrier.test", 20, 0, (ushort)carrier.Port, "live.carrier.test").A("live.carrier.test", "127.0.0.1");

        var softswitch = await SoftswitchProcess.StartAsync(
            TrunkYaml("carrier.test", 0, extra: $"dns:\n  servers: [\"{dns.EndPoint}\"]\n"),
            "--sip:t1_ms=50"); // Timer F = 64·T1 = 3.2 s: the silent target is given up quickly
        try
        {
            var first = await ReceiveAsync(silent, TimeSpan.FromSeconds(10));
            Assert.That(first, Does.StartWith("REGISTER sip:carrier.test SIP/2.0"), "the first SRV target (priority 10) is tried first");
            var registered = await carrier.WaitForTraceAsync("REGISTER sip:carrier.test", 2, TimeSpan.FromSeconds(15));
            Assert.That(registered, Is.True, softswitch.Output);
            await Task.Delay(500);
        }
        finally
        {
            await softswitch.DisposeAsync();
        }

        var result = await carrier.Run;
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
    }

    private static async Task<string?> ReceiveAsync(UdpClient socket, TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            var received = await socket.ReceiveAsync(wait.Token);
            return Encoding.UTF8.GetString(received.Buffer);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }
}
