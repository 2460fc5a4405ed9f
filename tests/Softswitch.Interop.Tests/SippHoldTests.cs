using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests;

/// <summary>sipp holding and resuming a music call with re-INVITEs (no UPDATE): the answers and the media follow.</summary>
[TestFixture]
public sealed class SippHoldTests
{
    private const string MusicRoute = """
        routes:
          - match: "*45"
            music: default

        """;

    [Test, Description("RFC 3264 §8.4: a=sendonly is answered a=recvonly and we stop sending; a=sendrecv resumes")]
    public async Task Hold_by_reinvite_is_answered_recvonly_and_the_music_stops_until_resumed()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync(MusicRoute);

        var result = await Sipp.RunAsync(softswitch, "hold-reinvite.xml", TimeSpan.FromSeconds(30),
            "-s", "*45", "-au", "1001", "-ap", SoftswitchProcess.Password1001, "-auth_uri", $"*45@127.0.0.1:{softswitch.Port}", "-m", "1",
            "-mp", FreePort.ForUdp().ToString());

        Assert.That(result.ExitCode, Is.EqualTo(0), "both re-INVITEs answered with the expected direction\n" + result + "\n" + softswitch.Output);
        Assert.That(() => softswitch.Output, Does.Contain("music default call ended (normal, by the caller)").After(3000, 50));
        // About 5 s answered, 2 of them on hold: 50 frames a second for the other 3 s, far from the 250 of no hold.
        var row = (await CallTable.WaitForAsync(softswitch)).Single();
        Assert.That(int.Parse(row["caller_packets_sent"]!), Is.InRange(110, 200), "the row's count of packets sent\n" + softswitch.Output);
    }
}
