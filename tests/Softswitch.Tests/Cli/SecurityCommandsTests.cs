using Softswitch.Cli;
using Softswitch.Storage.Security;
using Softswitch.Tests.Support;

namespace Softswitch.Tests.Cli;

public sealed class SecurityCommandsTests
{
    [Test]
    public async Task Bans_lists_the_bans_in_force_and_unban_lifts_one()
    {
        using var folder = new TempFolder();
        var repository = await DatabaseAsync(folder);
        var now = DateTimeOffset.UtcNow;
        await repository.AddAsync(new SecurityBanRecord("192.0.2.7", now.AddMinutes(-1), now.AddMinutes(9), "failed authentication", 10));
        await repository.AddAsync(new SecurityBanRecord("192.0.2.8", now.AddMinutes(-20), now.AddMinutes(-10), "failed authentication", 12));

        var listed = await RunAsync(folder, "security", "bans");
        var unban = await RunAsync(folder, "security", "unban", "192.0.2.7");
        var again = await RunAsync(folder, "security", "unban", "192.0.2.7");
        var after = await RunAsync(folder, "security", "bans");

        Assert.Multiple(() =>
        {
            Assert.That(listed.Code, Is.EqualTo(0), listed.Error);
            Assert.That(listed.Output, Does.Contain("192.0.2.7").And.Not.Contain("192.0.2.8"), "the ended ban is not listed");
            Assert.That(unban.Code, Is.EqualTo(0), unban.Error);
            Assert.That(again.Code, Is.EqualTo(1));
            Assert.That(again.Error, Does.Contain("192.0.2.7 is not banned"));
            Assert.That(after.Output, Is.EqualTo("no bans in force\n"));
        });
        var lifted = (await repository.ListLiftedEarlyAsync(DateTimeOffset.UtcNow)).Single();
        Assert.That(lifted.LiftedBy, Is.EqualTo(SecurityCommands.LiftedBy));
    }

    [Test]
    public async Task Unban_refuses_what_is_not_an_address()
    {
        using var folder = new TempFolder();
        await DatabaseAsync(folder);

        var result = await RunAsync(folder, "security", "unban", "not-an-address");

        Assert.That(result.Code, Is.EqualTo(SoftswitchCli.UsageError));
        Assert.That(result.Error, Does.Contain("'not-an-address' is not an IP address"));
    }

    private static async Task<SecurityBanRepository> DatabaseAsync(TempFolder folder) => new(await CliDatabaseFolder.CreateAsync(folder));

    private static Task<(int Code, string Output, string Error)> RunAsync(TempFolder folder, params string[] args) =>
        CliDatabaseFolder.RunAsync(folder, args);
}
