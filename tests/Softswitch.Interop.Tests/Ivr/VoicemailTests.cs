using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Ivr;

/// <summary>
/// Voicemail in the real switch: a sipp caller leaves a message for 1001 through the demo flow (500, English, 9) by
/// speaking (the bundled PCMA pcap) and hanging up, while a sipp phone as 1001 is subscribed to its own mailbox
/// (RFC 3842). What the owner would see: a WAV sox reads with the speech in it, its row, and the lamp's NOTIFY.
/// </summary>
[TestFixture, NonParallelizable]
public sealed class VoicemailTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(45);

    private SoftswitchProcess _softswitch = null!;
    private string _flows = null!;
    private string _voicemail = null!;
    private string _logs = null!;

    [SetUp]
    public async Task StartSwitch()
    {
        _flows = DemoFlowFolder.CopyOpenAllWeek();
        _voicemail = Directory.CreateTempSubdirectory("voicemail-").FullName;
        _logs = Directory.CreateTempSubdirectory("mwi-").FullName;
        _softswitch = await SoftswitchProcess.StartAsync("""
            routes:
              - match: "500"
                flow: main
            """, $"--ivr:flows={_flows}", $"--storage:voicemail={_voicemail}");
    }

    [TearDown]
    public async Task StopSwitch()
    {
        await _softswitch.DisposeAsync();
        foreach (var folder in new[] { _flows, _voicemail, _logs }) Directory.Delete(folder, recursive: true);
    }

    [Test, Description("RFC 3842 §3.5: the owner's subscribed phone hears of the new message")]
    public async Task A_message_left_through_the_demo_flow_is_a_wav_with_its_row_and_the_owner_gets_messages_waiting()
    {
        var log = Path.Combine(_logs, "notify.log");
        var subscriber = Sipp.RunAsync(_softswitch, "subscribe-message-summary.xml", Limit,
            "-s", "1001", "-au", "1001", "-ap", SoftswitchProcess.Password1001, "-auth_uri", $"1001@127.0.0.1:{_softswitch.Port}",
            "-trace_logs", "-log_file", log, "-m", "1");
        Assert.That(await WaitForNotifiesAsync(log, 1, TimeSpan.FromSeconds(15)), Is.True,
            () => $"no first NOTIFY:\n{(subscriber.IsCompleted ? subscriber.Result.ToString() : "sipp still running")}\n{_softswitch.Output}");

        // 2: English; 9 (typed ahead): leave a message for 1001. The greeting (about 5 s) and the beep, then 7 s of speech.
        var caller = await SippCaller.CallAsync(_softswitch, Scenarios.Written("ivr-caller-voicemail.xml",
            ("KEYS_MS", "1500"), ("KEYS", "29"), ("GREETING_MS", "6500"), ("SPEAK_MS", "8000")), "1002", "500", Limit, null, ["-m", "1"]);
        Assert.That(caller.ExitCode, Is.Zero, () => $"{caller}\n{_softswitch.Output}");

        var row = await SwitchDatabase.WaitForAsync(_softswitch.DatabasePath, async () => (await SwitchDatabase.QueryAsync(_softswitch.DatabasePath,
            "SELECT box, caller, call_uuid, duration_seconds, path, state FROM voicemail_messages",
            r => (Box: r.GetString(0), Caller: r.GetString(1), CallUuid: r.GetString(2), Seconds: r.GetDouble(3), Path: r.GetString(4), State: r.GetString(5))))
            .Select(m => (object)m).SingleOrDefault(), TimeSpan.FromSeconds(5));
        Assert.That(row, Is.Not.Null, () => "no voicemail row\n" + _softswitch.Output);
        var message = ((string Box, string Caller, string CallUuid, double Seconds, string Path, string State))row!;
        var file = Path.Combine(_voicemail, message.Path);
        var call = (await CallTable.WaitForAsync(_softswitch)).Single();
        Assert.Multiple(() =>
        {
            Assert.That(message.Box, Is.EqualTo("1001"));
            Assert.That(message.Caller, Is.EqualTo("1002"), "the caller's number");
            Assert.That(message.State, Is.EqualTo("new"));
            Assert.That(message.CallUuid, Is.EqualTo(call["call_uuid"]), "the message names its call");
            Assert.That(message.Path, Does.StartWith("1001/").And.EndWith(".wav"));
            Assert.That(File.Exists(file), Is.True, file);
        });

        var seconds = await Sox.SecondsAsync(file);
        var level = await Sox.RmsDbAsync(file, 1);
        Assert.Multiple(() =>
        {
            Assert.That(seconds, Is.InRange(5.0, 12.0), "from the beep to the caller's BYE");
            Assert.That(message.Seconds, Is.EqualTo(seconds).Within(0.1), "the row's length is the file's");
            Assert.That(level, Is.GreaterThan(-40), "the caller's speech is in it");
        });

        var subscription = await subscriber;
        var text = File.Exists(log) ? await File.ReadAllTextAsync(log) : "";
        Assert.That(subscription.ExitCode, Is.Zero, () => $"the subscriber did not get the expected NOTIFYs:\n{subscription}\n{text}\n{_softswitch.Output}");
        var notifies = Notifies(text);
        Assert.That(notifies, Has.Count.EqualTo(2), text);
        Assert.Multiple(() =>
        {
            Assert.That(notifies[0], Does.Contain("Messages-Waiting: no").And.Contain("Voice-Message: 0/0"));
            Assert.That(notifies[1], Does.Contain("Messages-Waiting: yes").And.Contain("Voice-Message: 1/0"));
            Assert.That(notifies[1], Does.Contain("Event: message-summary").And.Contain("Content-Type: application/simple-message-summary"));
        });
    }

    private static List<string> Notifies(string log) =>
        log.Split("NOTIFY-BEGIN ", StringSplitOptions.RemoveEmptyEntries).Where(c => c.Contains("NOTIFY-END", StringComparison.Ordinal))
            .Select(c => c[..c.IndexOf("NOTIFY-END", StringComparison.Ordinal)]).ToList();

    private static async Task<bool> WaitForNotifiesAsync(string log, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(log) && Notifies(await File.ReadAllTextAsync(log)).Count >= count) return true;
            await Task.Delay(100);
        }

        return false;
    }
}
