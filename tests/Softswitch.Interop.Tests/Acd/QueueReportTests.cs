using System.Globalization;
using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Acd;

/// <summary>
/// The queue event log and <c>softswitch report</c> on the real switch: 1001 calls the queue twice and agent 1002 (sipp)
/// answers each; 1002 logs out with *51 and 1003 calls, waits alone at position 1 and hangs up. The report printed by the
/// real CLI must show those calls, and <c>queue_events</c> must hold their steps.
/// </summary>
[TestFixture]
public sealed class QueueReportTests
{
    private const int AnswerMs = 300;
    private const int StayMs = 2500;
    private const int AbandonAfterMs = 1500;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    [Test]
    public async Task The_report_counts_the_answered_and_abandoned_calls_of_the_test_and_the_log_holds_their_steps()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync(null,
        [
            .. SoftswitchProcess.Extension1003,
            "--queues:0:name=support", "--queues:0:ring_timeout_seconds=10", "--queues:0:service_level_seconds=20",
            "--agents:0:extension=1002", "--agents:0:queues:0:name=support",
            "--routes:0:match=610", "--routes:0:queue=support",
            "--limits:max_calls_per_extension=0",
        ]);
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);

        for (var call = 1; call <= 2; call++)
        {
            var agent = await SippCallee.StartAsync(softswitch, "1002", SoftswitchProcess.Password1002, "callee-answer.xml", Limit, ("ANSWER_MS", AnswerMs.ToString(CultureInfo.InvariantCulture)));
            var caller = await SippCaller.CallAsync(softswitch, "call-pause-bye.xml", "1001", "610", Limit, null, "-m", "1", "-d", StayMs.ToString(CultureInfo.InvariantCulture));
            var answered = await agent.Run;
            Assert.That((caller.ExitCode, answered.ExitCode), Is.EqualTo((0, 0)), $"call {call}\ncaller: {caller}\nagent: {answered}\n{softswitch.Output}");
        }

        var logOut = await SippCaller.CallAsync(softswitch, "call-pause-bye.xml", "1002", "*51", Limit, null, "-m", "1", "-d", "300");
        Assert.That(logOut.ExitCode, Is.Zero, $"*51\n{logOut}\n{softswitch.Output}");
        var abandoning = await SippCaller.CallAsync(softswitch, "call-pause-bye.xml", "1003", "610", Limit, null, "-m", "1", "-d", AbandonAfterMs.ToString(CultureInfo.InvariantCulture));
        Assert.That(abandoning.ExitCode, Is.Zero, $"1003 waited and hung up\n{abandoning}\n{softswitch.Output}");
        var abandon = await SwitchDatabase.WaitForAsync(softswitch.DatabasePath, async () => (await EventsAsync(softswitch, "abandon")).FirstOrDefault(), TimeSpan.FromSeconds(10));
        Assert.That(abandon, Is.Not.Null, "an abandon row in queue_events\n" + softswitch.Output);

        // The log: each step with the position, waits and talk the test made.
        var enters = await EventsAsync(softswitch, "enter");
        var connects = await EventsAsync(softswitch, "connect");
        var completes = await EventsAsync(softswitch, "complete_by_caller");
        var logouts = await EventsAsync(softswitch, "logout");
        var logins = await EventsAsync(softswitch, "login");
        Assert.Multiple(() =>
        {
            Assert.That(enters.Select(e => e.CallerNumber), Is.EqualTo(new[] { "1001", "1001", "1003" }));
            Assert.That((abandon!.Queue, abandon.CallerNumber, abandon.Position), Is.EqualTo(("support", "1003", (long?)1)), "1003 waited alone");
            Assert.That(abandon.CallId, Is.EqualTo(enters[2].CallId));
            Assert.That(abandon.WaitMs, Is.InRange(AbandonAfterMs - 500, AbandonAfterMs + 1500));
            Assert.That(connects.Select(e => e.Agent), Is.EqualTo(new[] { "1002", "1002" }));
            Assert.That(connects.Select(e => e.WaitMs), Is.All.InRange(AnswerMs, AnswerMs + 1500), "1002 answered after ringing 300 ms");
            Assert.That(completes.Select(e => e.TalkMs), Is.All.InRange(StayMs - 1500, StayMs), "the caller hung up 2.5 s after the switch answered it");
            Assert.That(logouts.Select(e => e.Agent), Is.EqualTo(new[] { "1002" }), "*51");
            Assert.That(logins.Select(e => e.Agent), Is.EqualTo(new[] { "1002" }), "logged in at start");
        });

        var report = await Tool.RunAsync("dotnet",
        [
            SoftswitchProcess.Executable, "report", "--from", Iso(from), "--to", Iso(DateTimeOffset.UtcNow.AddMinutes(1)), "--csv",
            "--config", softswitch.ConfigPath,
        ], TimeSpan.FromSeconds(30), softswitch.Folder);

        Assert.That(report.ExitCode, Is.Zero, report.ToString());
        var queue = Row(report.StandardOutput, "queue", "support");
        var agent1002 = Row(report.StandardOutput, "agent", "1002");
        Assert.Multiple(() =>
        {
            Assert.That((queue["offered"], queue["answered"], queue["abandoned"]), Is.EqualTo(("3", "2", "1")), report.StandardOutput);
            Assert.That((queue["abandoned_short"], queue["answered_in_sl"], queue["overflowed"]), Is.EqualTo(("1", "2", "0")), "every wait under 20 s");
            Assert.That(queue["service_level_pct"], Is.EqualTo("66.7"), "2 answered within 20 s of 3 offered");
            Assert.That(Seconds(queue["asa_seconds"]), Is.InRange(AnswerMs / 1000.0, AnswerMs / 1000.0 + 1.5));
            Assert.That(Seconds(queue["asa_seconds"]), Is.EqualTo(connects.Average(c => c.WaitMs!.Value) / 1000).Within(0.051), "the log's mean wait");
            Assert.That(Seconds(queue["longest_wait_seconds"]), Is.EqualTo(new[] { abandon!.WaitMs, connects[0].WaitMs, connects[1].WaitMs }.Max()!.Value / 1000.0).Within(0.051));
            Assert.That(queue["fcr_pct"], Is.EqualTo("50.0"), "1001's first call was followed by its second within 24 h");
            Assert.That((agent1002["answered"], agent1002["completed"]), Is.EqualTo(("2", "2")));
            Assert.That(Seconds(agent1002["talk_seconds"]), Is.EqualTo(completes.Sum(c => c.TalkMs!.Value) / 1000.0).Within(0.051));
        });
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static double Seconds(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>The row named <paramref name="name"/> of the CSV table whose header starts with <paramref name="first"/>, by column.</summary>
    private static Dictionary<string, string> Row(string csv, string first, string name)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var header = lines.First(line => line.StartsWith(first + ",", StringComparison.Ordinal)).Split(',');
        var row = lines.FirstOrDefault(line => line.StartsWith(name + ",", StringComparison.Ordinal))?.Split(',');
        Assert.That(row, Is.Not.Null, $"no row {name} in\n{csv}");
        return header.Zip(row!).ToDictionary(pair => pair.First, pair => pair.Second);
    }

    private static Task<IReadOnlyList<QueueEventRow>> EventsAsync(SoftswitchProcess softswitch, string kind) =>
        SwitchDatabase.QueryAsync(softswitch.DatabasePath,
            $"SELECT call_id, queue, agent, caller_number, position, wait_ms, talk_ms FROM queue_events WHERE kind = '{kind}' ORDER BY id",
            r => new QueueEventRow(
                r.IsDBNull(0) ? null : r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2),
                r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetInt64(4), r.IsDBNull(5) ? null : r.GetInt64(5),
                r.IsDBNull(6) ? null : r.GetInt64(6)));

    private sealed record QueueEventRow(string? CallId, string? Queue, string? Agent, string? CallerNumber, long? Position, long? WaitMs, long? TalkMs);
}
