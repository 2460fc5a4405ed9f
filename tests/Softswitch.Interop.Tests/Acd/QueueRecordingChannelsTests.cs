using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Acd;

/// <summary>
/// Issue 11, recording: a queue with <c>record: true</c> keeps the conversation as a stereo WAV with the caller on the
/// left and the agent on the right. Both phones are sipp playing a different tone through rtp_stream (ordinary UDP
/// sockets): the caller 440 Hz from the moment the queue answers it, the agent 1 kHz from its answer; sox reads which
/// tone is on which channel.
/// </summary>
[TestFixture]
public sealed class QueueRecordingChannelsTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    [Test]
    public async Task The_recording_has_the_caller_on_the_left_and_the_agent_on_the_right()
    {
        var tones = Directory.CreateTempSubdirectory("queue-tones-").FullName;
        var callerTone = await ToneAsync(tones, "caller-440.wav", 440);
        var agentTone = await ToneAsync(tones, "agent-1000.wav", 1000);
        await using var softswitch = await SoftswitchProcess.StartAsync(null,
            "--queues:0:name=support", "--queues:0:record=true", "--queues:0:ring_timeout_seconds=5",
            "--agents:0:extension=1002", "--agents:0:queues:0:name=support",
            "--routes:0:match=610", "--routes:0:queue=support");
        var agent = await SippCallee.StartAsync(softswitch, "1002", SoftswitchProcess.Password1002, "callee-answer-tone.xml", Limit,
            ("ANSWER_MS", "300"), ("TONE_FILE", agentTone));

        var caller = await SippCaller.CallAsync(softswitch, Scenarios.Written("call-tone-bye.xml", ("TONE_FILE", callerTone)), "1001", "610", Limit,
            null, "-m", "1", "-d", "3500");
        var answered = await agent.Run;

        var log = $"caller: {caller}\nagent: {answered}\n{softswitch.Output}";
        Assert.That((caller.ExitCode, answered.ExitCode), Is.EqualTo((0, 0)), log);
        var recording = (await RecordingRows.WaitForAsync(softswitch.DatabasePath, 1, TimeSpan.FromSeconds(10))).Single();
        Assert.That(recording.Channels, Is.EqualTo(2), log);
        var file = Path.Combine(softswitch.Folder, "data", "recordings", recording.Path);
        var left440 = await Sox.RmsDbAsync(file, 1, "400-480");
        var left1000 = await Sox.RmsDbAsync(file, 1, "950-1050");
        var right440 = await Sox.RmsDbAsync(file, 2, "400-480");
        var right1000 = await Sox.RmsDbAsync(file, 2, "950-1050");
        Assert.Multiple(() =>
        {
            Assert.That(left440, Is.GreaterThan(-30), $"the caller's 440 Hz is on the left (left {left440:0.0}/{left1000:0.0} dB, right {right440:0.0}/{right1000:0.0} dB at 440 Hz/1 kHz)");
            Assert.That(right1000, Is.GreaterThan(-30), "the agent's 1 kHz is on the right");
            Assert.That(left440 - left1000, Is.GreaterThan(20), "the left channel has the caller, not the agent");
            Assert.That(right1000 - right440, Is.GreaterThan(20), "the right channel has the agent, not the caller");
        });
        Directory.Delete(tones, recursive: true);
    }

    /// <summary>Ten seconds of a sine at <paramref name="hertz"/>, 8 kHz mu-law (what rtp_stream sends as PCMU).</summary>
    private static async Task<string> ToneAsync(string folder, string name, int hertz)
    {
        var path = Path.Combine(folder, name);
        var made = await Tool.RunAsync("sox", ["-n", "-r", "8000", "-c", "1", "-e", "u-law", path, "synth", "10", "sine", hertz.ToString(), "vol", "0.5"],
            TimeSpan.FromSeconds(20));
        Assert.That(made.ExitCode, Is.Zero, made.ToString());
        return path;
    }
}
