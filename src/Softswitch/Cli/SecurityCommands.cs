using System.Globalization;
using System.Net;
using Softswitch.Configuration.Options;
using Softswitch.Storage;
using Softswitch.Storage.Migrations;
using Softswitch.Storage.Security;

namespace Softswitch.Cli;

/// <summary>
/// <c>softswitch security bans</c> and <c>softswitch security unban ADDRESS</c>: they work on the database the
/// configuration names, so they run beside a running switch, which picks up a lifted ban on its next sweep.
/// </summary>
public static class SecurityCommands
{
    /// <summary>Who lifted a ban, as <c>security_bans.lifted_by</c> records it.</summary>
    public const string LiftedBy = "cli";

    /// <summary>Runs <paramref name="arguments"/>' security command; returns the exit code.</summary>
    public static async Task<int> RunAsync(CliArguments arguments, SoftswitchOptions options, string currentDirectory,
        TextWriter output, TextWriter error, TimeProvider time)
    {
        var database = new SqliteDatabase(Path.GetFullPath(options.Storage.Database, currentDirectory));
        await new MigrationRunner(database).MigrateAsync().ConfigureAwait(false);
        var repository = new SecurityBanRepository(database);
        var now = time.GetUtcNow();
        if (arguments.Command == CliCommand.SecurityBans) return await ListAsync(repository, now, output).ConfigureAwait(false);

        if (!IPAddress.TryParse(arguments.Address, out var address))
        {
            await error.WriteLineAsync($"softswitch: '{arguments.Address}' is not an IP address").ConfigureAwait(false);
            return SoftswitchCli.UsageError;
        }

        var lifted = await repository.LiftAsync(address.ToString(), now, LiftedBy).ConfigureAwait(false);
        if (lifted == 0)
        {
            await error.WriteLineAsync($"softswitch: {address} is not banned").ConfigureAwait(false);
            return 1;
        }

        await output.WriteLineAsync($"lifted the ban of {address}; a running softswitch answers it again within a few seconds").ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> ListAsync(SecurityBanRepository repository, DateTimeOffset now, TextWriter output)
    {
        var bans = await repository.ListActiveAsync(now).ConfigureAwait(false);
        if (bans.Count == 0)
        {
            await output.WriteLineAsync("no bans in force").ConfigureAwait(false);
            return 0;
        }

        await output.WriteLineAsync($"{"ADDRESS",-40} {"BANNED AT (UTC)",-20} {"UNTIL (UTC)",-20} {"FAILURES",8}  REASON").ConfigureAwait(false);
        foreach (var ban in bans)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{ban.Address,-40} {ban.BannedAt.UtcDateTime,-20:yyyy-MM-dd HH:mm:ss} {ban.Until.UtcDateTime,-20:yyyy-MM-dd HH:mm:ss} {ban.Failures,8}  {ban.Reason}")).ConfigureAwait(false);
        }

        return 0;
    }
}
