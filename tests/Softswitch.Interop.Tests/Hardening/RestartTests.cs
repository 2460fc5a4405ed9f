using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Hardening;

/// <summary>Finding 12: a restart must not forget the phones (bindings are kept in SQLite and restored at start-up).</summary>
[TestFixture, NonParallelizable]
public sealed partial class RestartTests
{
    [Test, Description("RFC 3261 §10.2.3: a REGISTER without Contact lists the current bindings")]
    public async Task A_phone_registered_before_a_restart_is_still_bound_after_it_and_an_expired_one_is_not()
    {
        // min_expires 1 lets 1002 register for a few seconds only, so it expires while the switch is down.
        await using var softswitch = await SoftswitchProcess.StartAsync(GoodPhone.EchoRouteYaml, "--registrar:min_expires=1");
        var register = await GoodPhone.RegisterAsync(softswitch);
        Assert.That(register.ExitCode, Is.EqualTo(0), () => register + softswitch.Output);
        var shortLived = await Sipp.RunAsync(softswitch, "register-expires.xml", TimeSpan.FromSeconds(15),
            "-key", "expires", "4", "-s", "1002", "-au", "1002", "-ap", SoftswitchProcess.Password1002, "-m", "1");
        var shortLivedUntil = DateTime.UtcNow.AddSeconds(4);
        Assert.That(shortLived.ExitCode, Is.EqualTo(0), () => shortLived + softswitch.Output);
        var before = await QueryAsync(softswitch, "1001", SoftswitchProcess.Password1001);
        Assert.That(before, Does.Match(@"^<sip:1001@127\.0\.0\.1:\d+;transport=UDP>;expires=\d+$"), "1001 is bound before the restart");

        var exitCode = await softswitch.RestartAsync(async () =>
        {
            var wait = shortLivedUntil - DateTime.UtcNow + TimeSpan.FromMilliseconds(500);
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
        });

        Assert.That(exitCode, Is.EqualTo(0), "the first switch stopped cleanly on SIGTERM");
        var after = await QueryAsync(softswitch, "1001", SoftswitchProcess.Password1001);
        Assert.That(ContactOf(after), Is.EqualTo(ContactOf(before)), "the new process lists the same contact for 1001:\n" + softswitch.Output);
        Assert.That(ExpiresOf(after), Is.InRange(3000, ExpiresOf(before)), "with the time it had left");
        Assert.That(await QueryAsync(softswitch, "1002", SoftswitchProcess.Password1002), Is.Empty, "1002 expired while the switch was down");
        Assert.That(await StoredExtensionsAsync(softswitch.DatabasePath), Is.EqualTo(new[] { "1001" }), "the expired row was deleted, not only hidden");
        await GoodPhone.AssertServedAsync(softswitch, "after the restart");
    }

    /// <summary>The Contact of the 200 to a REGISTER without Contact, as sipp printed it; empty when none.</summary>
    private static async Task<string> QueryAsync(SoftswitchProcess softswitch, string extension, string password)
    {
        var query = await Sipp.RunAsync(softswitch, "register-query.xml", TimeSpan.FromSeconds(15),
            "-s", extension, "-au", extension, "-ap", password, "-m", "1");
        Assert.That(query.ExitCode, Is.EqualTo(0), () => query + softswitch.Output);
        var line = BindingsLine().Match(query.StandardOutput);
        Assert.That(line.Success, Is.True, () => "sipp printed no BINDINGS line:\n" + query);
        return line.Groups[1].Value.Trim();
    }

    private static string ContactOf(string header) => header.Split(";expires=")[0];

    private static int ExpiresOf(string header) => int.Parse(header.Split(";expires=")[1]);

    private static async Task<IReadOnlyList<string>> StoredExtensionsAsync(string databasePath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT extension FROM registrations ORDER BY extension";
        var extensions = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) extensions.Add(reader.GetString(0));
        return extensions;
    }

    [GeneratedRegex(@"^BINDINGS=(.*)$", RegexOptions.Multiline)]
    private static partial Regex BindingsLine();
}
