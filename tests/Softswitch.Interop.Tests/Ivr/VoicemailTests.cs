using Microsoft.Data.Sqlite;
using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Ivr;

/// <summary>
/// Voicemail in the real switch, while a sipp phone as 1001 is subscribed to its own mailbox (RFC 3842): a sipp caller
/// leaves a message for 1001 through the demo flow (500, English, 9) by speaking (the bundled PCMA pcap) and hanging
/// up; 1001 dials *97, keys its PIN by RFC 4733 and deletes the message. What the owner would see: a WAV sox reads
/// with the speech in it, its row, the lamp's NOTIFY on and off.
/// </summary>
[TestFixture]
public sealed class VoicemailTests
{
    private const string Pin = "4826";
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
              - match: "*97"
                flow: voicemail
            """, $"--ivr:flows={_flows}", $"--storage:voicemail={_voicemail}", $"--extensions:0:voicemail:pin={Pin}");
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
        var (subscriber, log) = await SubscribeAsync(("no", "0/0"), ("yes", "1/0"));

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

        var notifies = await NotifiesAsync(subscriber, log);
        Assert.Multiple(() =>
        {
            Assert.That(notifies[0], Does.Contain("Messages-Waiting: no").And.Contain("Voice-Message: 0/0"));
            Assert.That(notifies[1], Does.Contain("Messages-Waiting: yes").And.Contain("Voice-Message: 1/0"));
            Assert.That(notifies[1], Does.Contain("Event: message-summary").And.Contain("Content-Type: application/simple-message-summary"));
        });
    }

    [Test, Description("RFC 3842 §3.5; RFC 4733 keys: the PIN, then 7 typed ahead deletes the message the flow announced")]
    public async Task The_owner_dials_star_97_keys_the_pin_and_deletes_the_message_and_the_lamp_goes_off()
    {
        var file = Path.Combine(_voicemail, "1001", "20261206-010000-seeded.wav");
        await _softswitch.RestartAsync(() => SeedMessageAsync(file));
        var (subscriber, log) = await SubscribeAsync(("yes", "1/0"), ("no", "0/0"));

        var caller = await SippCaller.CallAsync(_softswitch, Scenarios.Written("ivr-caller-until-bye.xml", ("KEYS_MS", "1500"), ("KEYS", Pin + "#7")),
            "1001", "*97", Limit, null, ["-m", "1"]);

        Assert.That(caller.ExitCode, Is.Zero, () => $"the flow ended the call with BYE\n{caller}\n{_softswitch.Output}");
        var fields = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>((await CallTable.WaitForAsync(_softswitch)).Single()["application_fields"]!)!;
        var state = (await SwitchDatabase.QueryAsync(_softswitch.DatabasePath, "SELECT state FROM voicemail_messages", r => r.GetString(0))).Single();
        Assert.Multiple(() =>
        {
            Assert.That(fields["ivr_path"], Does.Contain("new-count:1").And.Contain("saved-count:0"), "the counts were said");
            Assert.That(fields["ivr_path"], Does.Contain("say-caller:1002").And.Contain("say-date:2026-12-06"), "the caller and the date were said");
            Assert.That(fields["ivr_path"], Does.Contain("delete").And.Contain("no-more"));
            Assert.That(state, Is.EqualTo("deleted"));
            Assert.That(File.Exists(file), Is.False, "the message's file is gone");
        });
        var notifies = await NotifiesAsync(subscriber, log);
        Assert.That(notifies[0], Does.Contain("Messages-Waiting: yes").And.Contain("Voice-Message: 1/0"));
        Assert.That(notifies[1], Does.Contain("Messages-Waiting: no").And.Contain("Voice-Message: 0/0"));
    }

    [Test, Description("RFC 3842: a real phone's mwi module; the counts come from the database after a restart")]
    public async Task Baresip_with_its_mwi_module_shows_the_stored_message_waiting_after_a_restart()
    {
        await _softswitch.RestartAsync(() => SeedMessageAsync(Path.Combine(_voicemail, "1001", "20261206-010000-seeded.wav")));

        await using var phone = Baresip.Start($"<sip:1001@127.0.0.1:{_softswitch.Port}>;auth_pass={SoftswitchProcess.Password1001};regint=600", "mwi.so");

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (DateTime.UtcNow < deadline && !phone.Output.Contains("Voice-Message:", StringComparison.Ordinal)) await Task.Delay(100);
        var shown = phone.Output;
        Assert.That(shown, Does.Contain("----- MWI for sip:1001@").And.Contain("Messages-Waiting: yes").And.Contain("Voice-Message: 1/0"),
            () => $"{shown}\n{_softswitch.Output}");
    }

    /// <summary>A message from 1002 in 1001's box as the switch would have stored it: 2 s of tone and its row.</summary>
    private async Task SeedMessageAsync(string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var sox = await Tool.RunAsync("sox", ["-n", "-r", "8000", "-c", "1", "-b", "16", file, "synth", "2", "sine", "440", "vol", "0.5"], TimeSpan.FromSeconds(20));
        Assert.That(sox.ExitCode, Is.Zero, sox.ToString());
        await using var connection = new SqliteConnection($"Data Source={_softswitch.DatabasePath}");
        await connection.OpenAsync();
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO voicemail_messages (box, caller, caller_name, call_uuid, started_at, duration_seconds, path, state, created_at, changed_at)
            VALUES ('1001', '1002', 'Interop Two', 'seeded', '2026-12-06T01:00:00.000Z', 2.0, '1001/20261206-010000-seeded.wav', 'new',
                    '2026-12-06T01:00:00.000Z', '2026-12-06T01:00:00.000Z')
            """;
        await insert.ExecuteNonQueryAsync();
    }

    /// <summary>sipp as 1001 subscribed to its own mailbox, expecting the box as it is, then one change; once the first NOTIFY is in.</summary>
    private async Task<(Task<ToolResult> Run, string Log)> SubscribeAsync((string Waiting, string Counts) first, (string Waiting, string Counts) second)
    {
        var log = Path.Combine(_logs, "notify.log");
        var scenario = Scenarios.Written("subscribe-message-summary.xml", ("FIRST_WAITING", first.Waiting), ("FIRST_COUNTS", first.Counts),
            ("SECOND_WAITING", second.Waiting), ("SECOND_COUNTS", second.Counts));
        var subscriber = Sipp.RunAsync(_softswitch, scenario, Limit,
            "-s", "1001", "-au", "1001", "-ap", SoftswitchProcess.Password1001, "-auth_uri", $"1001@127.0.0.1:{_softswitch.Port}",
            "-trace_logs", "-log_file", log, "-m", "1");
        Assert.That(await WaitForNotifiesAsync(log, 1, TimeSpan.FromSeconds(15)), Is.True,
            () => $"no first NOTIFY:\n{(subscriber.IsCompleted ? subscriber.Result.ToString() : "sipp still running")}\n{_softswitch.Output}");
        return (subscriber, log);
    }

    /// <summary>The subscriber's run ended well (sipp checked each NOTIFY's body) and the two NOTIFYs it logged.</summary>
    private async Task<List<string>> NotifiesAsync(Task<ToolResult> subscriber, string log)
    {
        var subscription = await subscriber;
        var text = File.Exists(log) ? await File.ReadAllTextAsync(log) : "";
        Assert.That(subscription.ExitCode, Is.Zero, () => $"the subscriber did not get the expected NOTIFYs:\n{subscription}\n{text}\n{_softswitch.Output}");
        var notifies = Notifies(text);
        Assert.That(notifies, Has.Count.EqualTo(2), text);
        return notifies;
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
