using System.Globalization;
using Softswitch.Configuration.Options;
using Softswitch.Storage;
using Softswitch.Storage.CallRecords;
using Softswitch.Storage.Migrations;

namespace Softswitch.Cli;

/// <summary>
/// <c>softswitch calls export --since DATE [--until DATE] [--csv]</c>: the call records of a time range from the database
/// the configuration names, to standard output; it runs beside a running switch (WAL: readers never block it).
/// </summary>
public static class CallsCommands
{
    /// <summary>What <c>--since</c>/<c>--until</c> accept; without Z or an offset the time is UTC.</summary>
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd",
        .. from separator in new[] { "'T'", " " }
           from time in new[] { "HH:mm", "HH:mm:ss", "HH:mm:ss.FFFFFFF" }
           from zone in new[] { "", "K" }
           select $"yyyy-MM-dd{separator}{time}{zone}",
    ];

    /// <summary>Runs <c>calls export</c>; returns the exit code (2 for a date it cannot read, one line on <paramref name="error"/>).</summary>
    public static async Task<int> RunAsync(CliArguments arguments, SoftswitchOptions options, string currentDirectory,
        TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        if (!TryParseDate(arguments.Since, out var since))
        {
            await error.WriteLineAsync(BadDate("--since", arguments.Since)).ConfigureAwait(false);
            return SoftswitchCli.UsageError;
        }

        DateTimeOffset? until = null;
        if (arguments.Until is not null)
        {
            if (!TryParseDate(arguments.Until, out var end))
            {
                await error.WriteLineAsync(BadDate("--until", arguments.Until)).ConfigureAwait(false);
                return SoftswitchCli.UsageError;
            }

            until = end;
        }

        var database = new SqliteDatabase(Path.GetFullPath(options.Storage.Database, currentDirectory));
        await new MigrationRunner(database).MigrateAsync(cancellationToken).ConfigureAwait(false);
        var export = new CallRecordExport(output, arguments.Csv);
        await export.WriteHeaderAsync().ConfigureAwait(false);
        await foreach (var record in new CallRecordRepository(database).ListAsync(since, until, cancellationToken).ConfigureAwait(false))
        {
            await export.WriteAsync(record).ConfigureAwait(false);
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }

    /// <summary>2026-12-06 (midnight UTC) or ISO 8601 with a time; UTC unless the text carries Z or an offset.</summary>
    public static bool TryParseDate(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(text?.Trim(), DateFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);

    private static string BadDate(string option, string? text) =>
        $"softswitch: {option} '{text}' is not a date: use 2026-12-06 or 2026-12-06T08:30:00 (UTC unless it ends in Z or an offset)";
}
