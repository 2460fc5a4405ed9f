using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Softswitch.Interop.Tests.Support;
using Softswitch.Media.Codecs;
using Softswitch.Media.Rtp;

namespace Softswitch.Interop.Tests.Hardening;

/// <summary>
/// Finding 7: 98 of 100 RTP packets sent from a third address into a live call were accepted and recorded as the
/// caller's voice. Now latching is strict: before the caller is heard only its SIP or SDP host may be learnt, and once
/// it is heard nobody else is, unless it falls silent for <c>rtp.relatch_after_ms</c>.
/// </summary>
[TestFixture, NonParallelizable]
public sealed partial class RtpInjectionTests
{
    private const int InjectedPackets = 100;
    private static readonly IPAddress Attacker = IPAddress.Parse("127.0.0.2");

    [Test]
    public async Task A_loud_tone_sprayed_from_another_address_is_neither_recorded_nor_echoed()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync(GoodPhone.EchoRouteYaml, "--routes:0:record=true");
        // The caller: 7 s of PCMA speech from 127.0.0.1, starting 0.5 s after its ACK.
        var caller = Sipp.RunAsync(softswitch, "echo-load-pcap.xml", TimeSpan.FromSeconds(30),
            "-s", "*43", "-au", "1001", "-ap", SoftswitchProcess.Password1001, "-auth_uri", $"*43@127.0.0.1:{softswitch.Port}",
            "-m", "1", "-mp", FreePort.ForUdp().ToString());
        var mediaPort = await AnsweredMediaPortAsync(softswitch);

        // From the answer on, so the first packets arrive before the caller has spoken and the rest while it speaks.
        using var attacker = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        attacker.Bind(new IPEndPoint(Attacker, 0));
        await SprayToneAsync(attacker, new IPEndPoint(IPAddress.Loopback, mediaPort));
        var echoed = await ReceivedWithinAsync(attacker, TimeSpan.FromMilliseconds(500));

        var call = await caller;
        Assert.That(call.ExitCode, Is.EqualTo(0), () => $"the caller's call failed:\n{call}\n{softswitch.Output}");
        Assert.That(echoed, Is.Zero, "nothing was echoed back to the attacker");
        Assert.That(await RecordingRows.WaitForAsync(softswitch.DatabasePath, 1, TimeSpan.FromSeconds(10)), Has.Count.EqualTo(1));
        var recording = Directory.GetFiles(Path.Combine(softswitch.Folder, "data", "recordings"), "*.wav", SearchOption.AllDirectories).Single();
        var callerLevel = await Sox.RmsDbAsync(recording, channel: 1);
        var callerTone = await Sox.RmsDbAsync(recording, channel: 1, band: "950-1050");
        Assert.That(callerLevel, Is.GreaterThan(Sox.SilenceDb), "the caller's own speech is recorded");
        // TESTING.md: a tone is present when the band is within 3 dB of the total; speech alone stays far below.
        Assert.That(callerTone, Is.LessThan(callerLevel - 10), $"the caller's channel carries no 1 kHz tone (band {callerTone} dB, total {callerLevel} dB)");
        var dropped = DroppedFromOtherSources().Match(softswitch.Output);
        Assert.That(dropped.Success, Is.True, () => "the call's end line counts the dropped packets:\n" + softswitch.Output);
        Assert.That(int.Parse(dropped.Groups[1].Value), Is.GreaterThanOrEqualTo(InjectedPackets));

        await GoodPhone.AssertServedAsync(softswitch, "after the injection");
    }

    /// <summary>The switch's RTP port for the call, from its answer's log line (the port of the 200 OK's SDP).</summary>
    private static async Task<int> AnsweredMediaPortAsync(SoftswitchProcess softswitch)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            var answered = AnsweredMedia().Match(softswitch.Output);
            if (answered.Success) return int.Parse(answered.Groups[1].Value);
            await Task.Delay(10);
        }

        Assert.Fail("the call was not answered:\n" + softswitch.Output);
        return 0;
    }

    /// <summary>100 PCMA packets of a loud 1 kHz tone, paced 20 ms apart like a phone's (2 s in all).</summary>
    private static async Task SprayToneAsync(Socket attacker, IPEndPoint target)
    {
        var samples = new short[160];
        var packet = new byte[RtpHeader.FixedLength + samples.Length];
        using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        for (var i = 0; i < InjectedPackets; i++)
        {
            for (var n = 0; n < samples.Length; n++)
            {
                samples[n] = (short)(30000 * Math.Sin(2 * Math.PI * 1000 * ((i * samples.Length) + n) / 8000.0));
            }

            new RtpHeader(PcmaCodec.PayloadType, (ushort)(5000 + i), (uint)(i * samples.Length), 0x0BADF00D, marker: i == 0).Write(packet);
            PcmaCodec.Instance.Encode(samples, packet.AsSpan(RtpHeader.FixedLength));
            await attacker.SendToAsync(packet, SocketFlags.None, target);
            await pace.WaitForNextTickAsync();
        }
    }

    /// <summary>How many datagrams reached <paramref name="socket"/> so far and within <paramref name="wait"/> more.</summary>
    private static async Task<int> ReceivedWithinAsync(Socket socket, TimeSpan wait)
    {
        var buffer = new byte[2048];
        var count = 0;
        using var cancel = new CancellationTokenSource(wait);
        try
        {
            while (true)
            {
                await socket.ReceiveAsync(buffer, SocketFlags.None, cancel.Token);
                count++;
            }
        }
        catch (OperationCanceledException)
        {
            return count;
        }
    }

    [GeneratedRegex(@"answered, .*our media [0-9.]+:(\d+)")]
    private static partial Regex AnsweredMedia();

    [GeneratedRegex(@"call ended .*dropped (\d+) from other sources")]
    private static partial Regex DroppedFromOtherSources();
}
