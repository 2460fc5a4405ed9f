using Softswitch.Cli;
using Softswitch.Storage.QueueEvents;
using Softswitch.Tests.Support;

namespace Softswitch.Tests.Cli;

public sealed class ReportCommandTests
{
    private static readonly DateTimeOffset Nine = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Two callers of support on 6 December: 111 answered by 1002 after 5 s and talks 60 s; 222 hangs up after 30 s.</summary>
    private static async Task<QueueEventRepository> DayAsync(TempFolder folder)
    {
        var repository = new QueueEventRepository(await CliDatabaseFolder.CreateAsync(folder));
        await repository.AddBatchAsync(
        [
            new StoredQueueEvent(Nine, "enter") { CallId = "c1", Queue = "support", CallerNumber = "111", Position = 1 },
            new StoredQueueEvent(Nine.AddSeconds(5), "connect") { CallId = "c1", Queue = "support", Agent = "1002", CallerNumber = "111", WaitMilliseconds = 5_000 },
            new StoredQueueEvent(Nine.AddSeconds(65), "complete_by_caller") { CallId = "c1", Queue = "support", Agent = "1002", TalkMilliseconds = 60_000 },
            new StoredQueueEvent(Nine.AddMinutes(5), "enter") { CallId = "c2", Queue = "support", CallerNumber = "222", Position = 1 },
            new StoredQueueEvent(Nine.AddMinutes(5).AddSeconds(30), "abandon") { CallId = "c2", Queue = "support", Position = 1, WaitMilliseconds = 30_000 },
            new StoredQueueEvent(Nine.AddMinutes(6), "a_kind_from_a_later_version") { Queue = "support" },
            new StoredQueueEvent(Nine.AddDays(1), "enter") { CallId = "c3", Queue = "support", CallerNumber = "333" },
        ]);
        return repository;
    }

    [Test]
    public async Task The_csv_report_has_a_queue_table_and_an_agent_table_with_the_figures_of_the_day()
    {
        using var folder = new TempFolder();
        await DayAsync(folder);

        var result = await CliDatabaseFolder.RunAsync(folder, "report", "--from", "2026-12-06", "--to", "2026-12-07", "--csv");

        Assert.That(result.Code, Is.EqualTo(0), result.Error);
        var lines = result.Output.Split("\r\n");
        Assert.That(lines, Has.Length.EqualTo(6), result.Output);
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo("queue,offered,answered,abandoned,abandoned_short,overflowed,answered_in_sl,sl_seconds,service_level_pct,"
                + "asa_seconds,aht_seconds,longest_wait_seconds,fcr_pct,csat_pct,average_score,surveys,transfers,callbacks"));
            // 2 offered, 1 answered within 20 s: 50 %; the abandon (30 s) is not short; 111 did not call again: FCR 100 %.
            Assert.That(lines[1], Is.EqualTo("support,2,1,1,0,0,1,20,50.0,5.0,60.0,30.0,100.0,,,0,0,0"));
            Assert.That(lines[2], Is.Empty);
            Assert.That(lines[3], Is.EqualTo("agent,offers,no_answer,busy,answered,completed,talk_seconds,wrap_up_seconds,staffed_seconds,"
                + "aht_seconds,occupancy_pct,calls_per_hour,csat_pct,average_score"));
            // No login in the log: 1002 was staffed the whole day; 60 s of 86,400 s is 0.07 %, one call in 24 h 0.04 an hour.
            Assert.That(lines[4], Is.EqualTo("1002,0,0,0,1,1,60.0,0.0,86400.0,60.0,0.1,0.04,,"));
            Assert.That(lines[5], Is.Empty);
        });
    }

    [Test]
    public async Task The_text_report_names_the_range_and_aligns_its_columns()
    {
        using var folder = new TempFolder();
        await DayAsync(folder);

        var result = await CliDatabaseFolder.RunAsync(folder, "report", "--from", "2026-12-06", "--to", "2026-12-07");

        Assert.That(result.Code, Is.EqualTo(0), result.Error);
        var lines = result.Output.Split('\n');
        Assert.That(lines[0], Is.EqualTo("queues, 2026-12-06T00:00:00Z to 2026-12-07T00:00:00Z"));
        Assert.That(lines[1], Does.StartWith("queue    offered  answered  abandoned"));
        Assert.That(lines[2], Does.StartWith("support  2        1         1  "));
        Assert.That(lines[2], Does.Contain(" -  "), "no survey: no CSAT");
        Assert.That(lines[4], Is.EqualTo("agents"));
        Assert.That(lines[6], Does.StartWith("1002   0       0"));
    }

    [Test]
    public async Task A_queue_of_the_configuration_limits_the_report_and_an_unknown_one_is_refused()
    {
        using var folder = new TempFolder();
        await DayAsync(folder);

        var known = await CliDatabaseFolder.RunAsync(folder, "report", "--from", "2026-12-06", "--to", "2026-12-07", "--queue", "sales", "--csv",
            "--queues:0:name=sales");
        var unknown = await CliDatabaseFolder.RunAsync(folder, "report", "--from", "2026-12-06", "--to", "2026-12-07", "--queue", "nope");

        Assert.That(known.Code, Is.EqualTo(0), known.Error);
        Assert.That(known.Output.Split("\r\n").Count(line => line.StartsWith("support", StringComparison.Ordinal)), Is.Zero);
        Assert.That((unknown.Code, unknown.Error), Is.EqualTo((SoftswitchCli.UsageError, "softswitch: queue 'nope' is not defined under queues\n")));
    }

    [TestCase(new[] { "report", "--from", "2026-12-06" }, "softswitch: report needs --from DATE and --to DATE\nRun 'softswitch --help' for usage.\n")]
    [TestCase(new[] { "report", "--from", "2026-12-07", "--to", "2026-12-06" }, "softswitch: --to must be after --from\n")]
    [TestCase(new[] { "report", "--from", "yesterday", "--to", "2026-12-06" }, "softswitch: --from 'yesterday' is not a date: use 2026-12-06 or 2026-12-06T08:30:00 (UTC unless it ends in Z or an offset)\n")]
    public async Task Unusable_dates_are_one_message_and_exit_2(string[] args, string message)
    {
        using var folder = new TempFolder();
        await DayAsync(folder);

        var result = await CliDatabaseFolder.RunAsync(folder, args);

        Assert.That((result.Code, result.Error, result.Output), Is.EqualTo((SoftswitchCli.UsageError, message, "")));
    }
}
