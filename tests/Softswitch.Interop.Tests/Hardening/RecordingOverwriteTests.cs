using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Hardening;

/// <summary>
/// Finding 5: recordings were named by the Call-ID and opened with FileMode.Create, so a second call reusing the
/// victim's Call-ID truncated the victim's recording. Now each file is named by the call's own id and start time and
/// created new; the recordings table says which call each file is.
/// </summary>
[TestFixture, NonParallelizable]
public sealed class RecordingOverwriteTests
{
    private const string VictimCallId = "victim-call-7f3a@127.0.0.1";

    [Test]
    public async Task A_second_call_with_the_victims_call_id_leaves_the_victims_recording_whole()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync(GoodPhone.EchoRouteYaml, "--routes:0:record=true");
        var recordings = Path.Combine(softswitch.Folder, "data", "recordings");

        var victim = await CallWithCallIdAsync(softswitch, VictimCallId);
        Assert.That(victim.ExitCode, Is.EqualTo(0), () => $"the victim's call failed:\n{victim}\n{softswitch.Output}");
        // The row is written once the file is closed: only then is its size final.
        Assert.That(await RecordingRows.WaitForAsync(softswitch.DatabasePath, 1, TimeSpan.FromSeconds(10)), Has.Count.EqualTo(1));
        var victimFile = Directory.GetFiles(recordings, "*.wav", SearchOption.AllDirectories).Single();
        var victimBytes = new FileInfo(victimFile).Length;
        var victimSeconds = await Sox.SecondsAsync(victimFile);

        var attack = await CallWithCallIdAsync(softswitch, VictimCallId);
        Assert.That(attack.ExitCode, Is.EqualTo(0), () => $"the second call failed:\n{attack}\n{softswitch.Output}");

        var files = Directory.GetFiles(recordings, "*.wav", SearchOption.AllDirectories);
        Assert.That(files, Has.Length.EqualTo(2), "two calls, two recordings");
        Assert.That(new FileInfo(victimFile).Length, Is.EqualTo(victimBytes), "the victim's recording was not touched");
        Assert.That(await Sox.SecondsAsync(victimFile), Is.EqualTo(victimSeconds).And.GreaterThan(6), "7 s of speech were recorded");
        foreach (var file in files)
        {
            Assert.That(await Sox.RmsDbAsync(file, channel: 1), Is.GreaterThan(Sox.SilenceDb), $"{file}: the caller's speech (left)");
            Assert.That(await Sox.RmsDbAsync(file, channel: 2), Is.GreaterThan(Sox.SilenceDb), $"{file}: the echo (right)");
        }

        var rows = await RecordingRows.WaitForAsync(softswitch.DatabasePath, 2, TimeSpan.FromSeconds(10));
        Assert.That(rows, Has.Count.EqualTo(2), "one row per recording");
        Assert.That(rows.Select(r => r.CallId), Is.All.EqualTo(VictimCallId));
        Assert.That(rows.Select(r => Path.Combine(recordings, r.Path)), Is.EquivalentTo(files), "each row names its own file");
        Assert.That(rows.Select(r => (r.Caller, r.Dialled, r.Channels, r.SampleRate)), Is.All.EqualTo(("1001", "*43", 2L, 8000L)));
        Assert.That(rows[0].DurationMs, Is.EqualTo(victimSeconds * 1000).Within(100));

        await GoodPhone.AssertServedAsync(softswitch, "after the reused Call-ID");
    }

    /// <summary>A call to the recorded <c>*43</c> with 7 s of PCMA speech, its Call-ID fixed by sipp's <c>-cid_str</c>.</summary>
    private static Task<ToolResult> CallWithCallIdAsync(SoftswitchProcess softswitch, string callId) =>
        Sipp.RunAsync(softswitch, "echo-load-pcap.xml", TimeSpan.FromSeconds(30),
            "-s", "*43", "-au", "1001", "-ap", SoftswitchProcess.Password1001, "-auth_uri", $"*43@127.0.0.1:{softswitch.Port}",
            "-cid_str", callId, "-m", "1", "-mp", FreePort.ForUdp().ToString());
}
