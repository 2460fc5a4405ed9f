using System.Globalization;
using System.Text.Json;
using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Acd;

/// <summary>
/// A queue call's recording and what follows it on the real switch: the agent (sipp UAS registered as 1002) pauses
/// the recording with its keys while card details are taken, and a caller the agent hung up on rates the call in the
/// queue's survey flow. 1001 (sipp) is the caller; the <c>calls</c> row and the WAV are what is checked.
/// </summary>
[TestFixture]
public sealed class QueueRecordingTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(25);

    private SoftswitchProcess? _softswitch;
    private string? _folder;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("queue-recording-").FullName;

    [TearDown]
    public async Task StopSwitch()
    {
        if (_softswitch is not null) await _softswitch.DisposeAsync();
        if (_folder is not null) Directory.Delete(_folder, recursive: true);
    }

    private async Task<SoftswitchProcess> StartAsync(params string[] more)
    {
        _softswitch = await SoftswitchProcess.StartAsync(null,
        [
            .. more,
            "--queues:0:name=support", "--queues:0:ring_timeout_seconds=10",
            "--agents:0:extension=1002", "--agents:0:queues:0:name=support",
            "--routes:0:match=610", "--routes:0:queue=support",
            "--limits:max_calls_per_extension=0",
        ]);
        return _softswitch;
    }

    /// <summary>A raw A-law tone for sipp's rtp_stream (20 s, looped by sipp).</summary>
    private async Task<string> ToneAsync(int hertz)
    {
        var path = Path.Combine(_folder!, $"tone-{hertz}.al");
        var made = await Tool.RunAsync("sox", ["-n", "-r", "8000", "-c", "1", "-e", "a-law", "-t", "al", path, "synth", "20", "sine", hertz.ToString(CultureInfo.InvariantCulture), "vol", "0.5"], TimeSpan.FromSeconds(20));
        Assert.That(made.ExitCode, Is.Zero, made.ToString());
        return path;
    }

    private static Dictionary<string, string> Fields(IReadOnlyDictionary<string, string?> row) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(row["application_fields"] ?? "{}")!;

    /// <summary>The RMS level (dB) of <paramref name="channel"/> from <paramref name="from"/> for <paramref name="seconds"/>, in a band when given.</summary>
    private static async Task<double> LevelAsync(string file, int channel, double from, double seconds, string? band = null)
    {
        var arguments = new List<string> { file, "-n", "trim", Seconds(from), Seconds(seconds), "remix", channel.ToString(CultureInfo.InvariantCulture) };
        if (band is not null) arguments.AddRange(["sinc", band]);
        arguments.Add("stats");
        var result = await Tool.RunAsync("sox", arguments, TimeSpan.FromSeconds(20));
        Assert.That(result.ExitCode, Is.Zero, () => $"sox could not read {file}:\n{result}");
        var value = result.StandardError.Split('\n').Single(l => l.StartsWith("RMS lev dB", StringComparison.Ordinal))["RMS lev dB".Length..].Trim();
        return value.Contains("inf", StringComparison.Ordinal) ? double.NegativeInfinity : double.Parse(value, CultureInfo.InvariantCulture);
    }

    private static string Seconds(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>The tone of <paramref name="band"/> carries the channel: a level above silence, within 3 dB of the whole.</summary>
    private static async Task AssertToneAsync(string file, int channel, double from, double seconds, string band, string what)
    {
        var total = await LevelAsync(file, channel, from, seconds);
        var inBand = await LevelAsync(file, channel, from, seconds, band);
        Assert.That(total, Is.GreaterThan(Sox.SilenceDb), what);
        Assert.That(inBand, Is.GreaterThan(total - 3), $"{what}: the {band} Hz tone");
    }

    [Test, Description("PCI: the agent's *1 and *2 (SIP INFO) pause and resume the recording; silence is written meanwhile")]
    public async Task The_agents_pause_code_writes_silence_until_the_resume_code_and_the_row_notes_the_span()
    {
        var softswitch = await StartAsync("--queues:0:record=true");
        var agent = await SippCallee.StartAsync(softswitch, "1002", SoftswitchProcess.Password1002, "agent-pci-pause.xml", Limit,
            ("TONE", await ToneAsync(600)), ("PAUSE_MS", "1500"), ("RESUME_MS", "2000"));

        var caller = await SippCaller.CallAsync(softswitch, Scenarios.Written("queue-caller-tone.xml", ("TONE", await ToneAsync(1000)), ("AFTER_MS", "1500")),
            "1001", "610", Limit, null, "-m", "1");

        var agentRun = await agent.Run;
        Assert.That(caller.ExitCode, Is.Zero, $"caller: {caller}\nagent: {agentRun}\n{softswitch.Output}");
        Assert.That(agentRun.ExitCode, Is.Zero, $"agent: {agentRun}\n{softswitch.Output}");
        var row = (await CallTable.WaitForAsync(softswitch)).Single();
        var fields = Fields(row);
        var recording = (await RecordingRows.WaitForAsync(softswitch.DatabasePath, 1, TimeSpan.FromSeconds(10))).Single();
        var file = Path.Combine(softswitch.Folder, "data", "recordings", recording.Path);

        Assert.That((fields["queue"], fields["agent"], fields["recording_pauses"]), Is.EqualTo(("support", "1002", "1")));
        var span = fields["recording_paused"].Split('-').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        Assert.That(span[0], Is.InRange(1.3, 1.9), "paused 1.5 s after the agent answered");
        Assert.That(span[1] - span[0], Is.InRange(1.8, 2.3), "resumed 2 s later");
        Assert.That(int.Parse(fields["talk_seconds"], CultureInfo.InvariantCulture), Is.InRange(4, 6));
        Assert.That(row["recording_path"], Is.EqualTo(recording.Path));
        Assert.That(await Sox.SecondsAsync(file), Is.InRange(4.5, 6.5), "the pause keeps the timeline");

        await AssertToneAsync(file, 1, 0.3, span[0] - 0.5, "950-1050", "caller (left) before the pause");
        await AssertToneAsync(file, 2, 0.3, span[0] - 0.5, "550-650", "agent (right) before the pause");
        Assert.That(await LevelAsync(file, 1, span[0] + 0.1, span[1] - span[0] - 0.2), Is.LessThan(Sox.SilenceDb), "caller silent while paused");
        Assert.That(await LevelAsync(file, 2, span[0] + 0.1, span[1] - span[0] - 0.2), Is.LessThan(Sox.SilenceDb), "agent silent while paused");
        await AssertToneAsync(file, 1, span[1] + 0.3, 0.8, "950-1050", "caller (left) after the resume");
        await AssertToneAsync(file, 2, span[1] + 0.3, 0.8, "550-650", "agent (right) after the resume");
    }

    [Test, Description("Post-call survey: the agent hangs up first, the caller stays in the survey flow and presses 4")]
    public async Task A_caller_the_agent_hung_up_on_rates_the_call_and_the_row_keeps_the_score_beside_the_ivr_path_that_led_to_the_queue()
    {
        var flows = Directory.CreateDirectory(Path.Combine(_folder!, "flows")).FullName;
        File.Copy(Path.Combine(Path.GetDirectoryName(SoftswitchProcess.RepositorySounds)!, "ivr-flows", "survey.yaml"), Path.Combine(flows, "survey.yaml"));
        await File.WriteAllTextAsync(Path.Combine(flows, "queued.yaml"), "nodes:\n  wait:\n    queue: support\n");
        var softswitch = await StartAsync($"--ivr:flows={flows}", "--queues:0:survey=survey", "--routes:1:match=620", "--routes:1:flow=queued");
        var agent = await SippCallee.StartAsync(softswitch, "1002", SoftswitchProcess.Password1002, "callee-answer-bye.xml", Limit,
            ("ANSWER_MS", "200"), ("TALK_MS", "1000"));

        // The agent answers about 0.3 s after the switch answered the caller and hangs up a second later; the survey's
        // question then plays, and the caller's 4 at 3 s cuts it short. The flow thanks the caller and hangs up.
        var caller = await SippCaller.CallAsync(softswitch, Scenarios.Written("ivr-caller-until-bye.xml", ("KEYS_MS", "3000"), ("KEYS", "4")),
            "1001", "620", Limit, null, "-m", "1");

        var agentRun = await agent.Run;
        Assert.That(caller.ExitCode, Is.Zero, $"caller: {caller}\nagent: {agentRun}\n{softswitch.Output}");
        Assert.That(agentRun.ExitCode, Is.Zero, $"agent: {agentRun}\n{softswitch.Output}");
        var row = (await CallTable.WaitForAsync(softswitch)).Single();
        var fields = Fields(row);
        Assert.Multiple(() =>
        {
            Assert.That(fields["survey_score"], Is.EqualTo("4"));
            Assert.That((fields["survey"], fields["survey_result"]), Is.EqualTo(("survey", "hangup")));
            Assert.That((fields["queue"], fields["agent"], fields["queue_result"]), Is.EqualTo(("support", "1002", "answered")));
            Assert.That(fields["ivr_path"], Is.EqualTo("wait"), "the IVR path that led to the queue");
            Assert.That(fields["ivr_flow"], Is.EqualTo("queued"));
            Assert.That(int.Parse(fields["talk_seconds"], CultureInfo.InvariantCulture), Is.InRange(0, 2));
            Assert.That(int.Parse(fields["wait_seconds"], CultureInfo.InvariantCulture), Is.InRange(0, 2));
        });
    }
}
