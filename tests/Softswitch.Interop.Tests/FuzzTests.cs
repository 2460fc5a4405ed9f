using System.Net;
using System.Net.Sockets;
using System.Text;
using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests;

/// <summary>
/// Mutated SIP over UDP and TCP at the real process: it must never fall over and must keep answering.
/// FUZZ_MESSAGE_COUNT sets how many messages (CI: a few thousand; benchmark run: 100,000, see docs/BENCHMARKS.md).
/// </summary>
[TestFixture, NonParallelizable]
public sealed class FuzzTests
{
    private static int Count => int.TryParse(Environment.GetEnvironmentVariable("FUZZ_MESSAGE_COUNT"), out var n) ? n : 3000;

    [Test]
    public async Task Mutated_messages_never_stop_the_switch_answering()
    {
        // The per-address rate limit off: this test is about parsing 20,000 messages a second from one source, which
        // the limit would otherwise cut to 200 (RequestRateTests covers the limit).
        await using var softswitch = await SoftswitchProcess.StartAsync(null, "--security:max_requests_per_second_per_address=0");
        var target = new IPEndPoint(IPAddress.Loopback, softswitch.Port);
        var mutator = new SipMutator(seed: 4475);

        var answered = 0;
        using (var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0)))
        {
            // Count what comes back: proof the messages were parsed and answered, not dropped by the kernel.
            using var stopCounting = new CancellationTokenSource();
            var counting = Task.Run(async () =>
            {
                try
                {
                    while (true)
                    {
                        await udp.ReceiveAsync(stopCounting.Token);
                        Interlocked.Increment(ref answered);
                    }
                }
                catch (OperationCanceledException)
                {
                }
            });
            for (var i = 0; i < Count; i++)
            {
                await udp.SendAsync(mutator.Next(), target);
                if (i % 20 == 19) await Task.Delay(1); // about 20,000/s: we want parsing, not socket-buffer drops
            }

            await Task.Delay(500);
            await stopCounting.CancelAsync();
            await counting;
        }

        TestContext.Out.WriteLine($"{Count} mutated datagrams sent, {answered} answered (retransmissions, responses and requests without a readable Via get no answer)");
        Assert.That(answered, Is.GreaterThan(Count / 10), "a good share of broken requests still get an answer");

        // TCP: many messages per connection; a framing error closes the connection, so open another.
        var tcpSent = 0;
        while (tcpSent < Count / 4)
        {
            using var tcp = new TcpClient(AddressFamily.InterNetwork);
            await tcp.ConnectAsync(target);
            var stream = tcp.GetStream();
            try
            {
                for (var i = 0; i < 50 && tcpSent < Count / 4; i++, tcpSent++)
                {
                    await stream.WriteAsync(mutator.Next());
                }
            }
            catch (IOException)
            {
                // The switch closed a connection it could not frame: that is the right answer.
            }
        }

        await AssertAnswersOptionsAsync(softswitch);
        Assert.That(softswitch.Output, Does.Not.Contain("Unhandled exception"));
    }

    [Test, Description("RFC 3261 §8.2: a request missing mandatory headers gets 400, and the switch keeps serving")]
    public async Task A_request_without_mandatory_headers_gets_400()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync();
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var local = (IPEndPoint)udp.Client.LocalEndPoint!;
        var broken = $"INVITE sip:1002@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{local.Port};branch=z9hG4bKbroken\r\nContent-Length: 0\r\n\r\n";
        await udp.SendAsync(Encoding.ASCII.GetBytes(broken), new IPEndPoint(IPAddress.Loopback, softswitch.Port));

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var reply = Encoding.ASCII.GetString((await udp.ReceiveAsync(wait.Token)).Buffer);

        Assert.That(reply, Does.StartWith("SIP/2.0 400 "));
        Assert.That(reply, Does.Contain("branch=z9hG4bKbroken"));
        await AssertAnswersOptionsAsync(softswitch);
    }

    private static async Task AssertAnswersOptionsAsync(SoftswitchProcess softswitch)
    {
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var local = (IPEndPoint)udp.Client.LocalEndPoint!;
        await udp.SendAsync(SipProbe.Options(local, softswitch.Port), new IPEndPoint(IPAddress.Loopback, softswitch.Port));
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var reply = Encoding.ASCII.GetString((await udp.ReceiveAsync(wait.Token)).Buffer);
        Assert.That(reply, Does.StartWith("SIP/2.0 200 "), "UDP OPTIONS after fuzzing");

        using var tcp = new TcpClient(AddressFamily.InterNetwork);
        await tcp.ConnectAsync(IPAddress.Loopback, softswitch.Port);
        var tcpLocal = (IPEndPoint)tcp.Client.LocalEndPoint!;
        await tcp.GetStream().WriteAsync(SipProbe.Options(tcpLocal, softswitch.Port, "TCP"));
        var buffer = new byte[4096];
        using var tcpWait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var read = await tcp.GetStream().ReadAsync(buffer, tcpWait.Token);
        Assert.That(Encoding.ASCII.GetString(buffer, 0, read), Does.StartWith("SIP/2.0 200 "), "TCP OPTIONS after fuzzing");
    }
}
