using System.Globalization;
using Softswitch.Acd.Events;
using Softswitch.Acd.Figures;
using Softswitch.Configuration.Options;
using Softswitch.Storage;
using Softswitch.Storage.Migrations;
using Softswitch.Storage.QueueEvents;

namespace Softswitch.Cli;

/// <summary>
/// <c>softswitch report --from DATE --to DATE [--queue NAME] [--csv]</c>: the call-centre figures of each queue and
/// agent over the range, computed from the queue event log by <see cref="QueueFigureCalculator"/>, with each queue's
/// service-level threshold and FCR window from the configuration. Runs beside a running switch (WAL).
/// </summary>
public static class ReportCommand
{
    /// <summary>How far before --from the agents' state events are read (a login earlier than this is unseen).</summary>
    public static readonly TimeSpan StateLookBack = TimeSpan.FromDays(7);

    public static async Task<int> RunAsync(CliArguments arguments, SoftswitchOptions options, string currentDirectory,
        TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        if (!CallsCommands.TryParseDate(arguments.Since, out var from) || !CallsCommands.TryParseDate(arguments.Until, out var to))
        {
            var (option, text) = CallsCommands.TryParseDate(arguments.Since, out _) ? ("--to", arguments.Until) : ("--from", arguments.Since);
            await error.WriteLineAsync($"softswitch: {option} '{text}' is not a date: use 2026-12-06 or 2026-12-06T08:30:00 (UTC unless it ends in Z or an offset)").ConfigureAwait(false);
            return SoftswitchCli.UsageError;
        }

        if (to <= from)
        {
            await error.WriteLineAsync("softswitch: --to must be after --from").ConfigureAwait(false);
            return SoftswitchCli.UsageError;
        }

        if (arguments.Queue is { } only && options.Queues.All(q => q.Name != only))
        {
            await error.WriteLineAsync($"softswitch: queue '{only}' is not defined under queues").ConfigureAwait(false);
            return SoftswitchCli.UsageError;
        }

        var settings = new FigureSettings(from, to)
        {
            ServiceLevelThresholds = options.Queues.ToDictionary(q => q.Name, q => TimeSpan.FromSeconds(q.ServiceLevelSeconds)),
            FirstCallWindows = options.Queues.ToDictionary(q => q.Name, q => TimeSpan.FromHours(q.FcrHours)),
        };
        var lookAhead = settings.FirstCallWindows.Values.DefaultIfEmpty(FigureSettings.DefaultFirstCallWindow).Max();
        var database = new SqliteDatabase(Path.GetFullPath(options.Storage.Database, currentDirectory));
        await new MigrationRunner(database).MigrateAsync(cancellationToken).ConfigureAwait(false);
        var events = new List<QueueEvent>();
        await foreach (var row in new QueueEventRepository(database).ListAsync(from - StateLookBack, to + lookAhead, cancellationToken).ConfigureAwait(false))
        {
            if (ToEvent(row) is { } e) events.Add(e);
        }

        var report = QueueFigureCalculator.Compute(events, settings);
        await WriteAsync(report, settings, arguments.Queue, options, output, arguments.Csv).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }

    /// <summary>A stored row as the calculator reads it; null for a kind this version does not know.</summary>
    public static QueueEvent? ToEvent(StoredQueueEvent row) =>
        QueueEventKinds.TryParse(row.Kind, out var kind)
            ? new QueueEvent(row.OccurredAt, kind, row.CallId, row.Queue, row.Agent)
            {
                CallerNumber = row.CallerNumber,
                Position = row.Position,
                Wait = row.WaitMilliseconds is { } wait ? TimeSpan.FromMilliseconds(wait) : null,
                Talk = row.TalkMilliseconds is { } talk ? TimeSpan.FromMilliseconds(talk) : null,
                Detail = row.Detail,
            }
            : null;

    private static async Task WriteAsync(FigureReport report, FigureSettings settings, string? only, SoftswitchOptions options, TextWriter output, bool csv)
    {
        var queues = new ReportTable(
        [
            "queue", "offered", "answered", "abandoned", "abandoned_short", "overflowed", "answered_in_sl", "sl_seconds", "service_level_pct",
            "asa_seconds", "aht_seconds", "longest_wait_seconds", "fcr_pct", "csat_pct", "average_score", "surveys", "transfers", "callbacks",
        ]);
        foreach (var q in report.Queues.Where(q => only is null || q.Queue == only))
        {
            queues.Add(q.Queue, Count(q.Offered), Count(q.Answered), Count(q.Abandoned), Count(q.AbandonedWithinThreshold), Count(q.Overflowed),
                Count(q.AnsweredWithinThreshold), Number(settings.ThresholdOf(q.Queue).TotalSeconds), Percent(q.ServiceLevel),
                Seconds(q.AverageSpeedOfAnswer), Seconds(q.AverageHandleTime), Seconds(q.LongestWait), Percent(q.FirstCallResolution),
                Percent(q.Csat), Number(q.AverageScore), Count(q.Surveys), Count(q.Transfers), Count(q.CallbacksRequested));
        }

        var members = only is null ? null : options.Agents.Where(a => a.Queues.Any(q => q.Name == only)).Select(a => a.Extension).ToHashSet(StringComparer.Ordinal);
        var agents = new ReportTable(
        [
            "agent", "offers", "no_answer", "busy", "answered", "completed", "talk_seconds", "wrap_up_seconds", "staffed_seconds",
            "aht_seconds", "occupancy_pct", "calls_per_hour", "csat_pct", "average_score",
        ]);
        foreach (var a in report.Agents.Where(a => members is null || members.Contains(a.Agent)))
        {
            agents.Add(a.Agent, Count(a.Offers), Count(a.NoAnswer), Count(a.Busy), Count(a.Answered), Count(a.Completed), Seconds(a.Talk),
                Seconds(a.WrapUp), Seconds(a.Staffed), Seconds(a.AverageHandleTime), Percent(a.Occupancy), Number(a.CallsPerHour),
                Percent(a.Csat), Number(a.AverageScore));
        }

        if (!csv) await output.WriteLineAsync($"queues, {Time(settings.From)} to {Time(settings.To)}").ConfigureAwait(false);
        await queues.WriteAsync(output, csv).ConfigureAwait(false);
        await output.WriteAsync(csv ? "\r\n" : Environment.NewLine).ConfigureAwait(false);
        if (!csv) await output.WriteLineAsync("agents").ConfigureAwait(false);
        await agents.WriteAsync(output, csv).ConfigureAwait(false);
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Number(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture);

    private static string? Seconds(TimeSpan? time) => time?.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);

    private static string? Percent(double? share) => share is { } s ? (s * 100).ToString("0.0", CultureInfo.InvariantCulture) : null;

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
