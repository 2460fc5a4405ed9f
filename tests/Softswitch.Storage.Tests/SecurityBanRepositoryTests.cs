using Softswitch.Storage.Migrations;
using Softswitch.Storage.Security;

namespace Softswitch.Storage.Tests;

public sealed class SecurityBanRepositoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 23, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task A_ban_round_trips_and_is_active_until_its_end()
    {
        using var temp = new TempFolder();
        var repository = await CreateAsync(temp);
        var ban = Ban("192.0.2.7", startedSecondsAgo: 60);

        await repository.AddAsync(ban);

        Assert.That(await repository.ListActiveAsync(Now), Is.EqualTo(new[] { ban }));
        Assert.That(await repository.ListActiveAsync(ban.Until), Is.Empty);
    }

    [Test]
    public async Task Ending_a_ban_closes_only_that_ban_and_only_once()
    {
        using var temp = new TempFolder();
        var repository = await CreateAsync(temp);
        var ban = Ban("192.0.2.7", 60);
        var other = Ban("192.0.2.8", 60);
        await repository.AddAsync(ban);
        await repository.AddAsync(other);

        await repository.EndAsync(ban.Address, ban.BannedAt, Now, "cli");
        await repository.EndAsync(ban.Address, ban.BannedAt, Now.AddSeconds(5), SecurityBanRepository.Expired);

        Assert.That(await repository.ListActiveAsync(Now), Is.EqualTo(new[] { other }));
        Assert.That(await repository.ListLiftedEarlyAsync(Now), Is.EqualTo(new[] { ban with { LiftedAt = Now, LiftedBy = "cli" } }));
    }

    [Test]
    public async Task Lifting_an_address_closes_its_active_ban_and_counts_it()
    {
        using var temp = new TempFolder();
        var repository = await CreateAsync(temp);
        await repository.AddAsync(Ban("192.0.2.7", 60));

        Assert.That(await repository.LiftAsync("192.0.2.7", Now, "cli"), Is.EqualTo(1));
        Assert.That(await repository.LiftAsync("192.0.2.7", Now, "cli"), Is.Zero, "nothing left to lift");
        Assert.That(await repository.ListActiveAsync(Now), Is.Empty);
    }

    [Test]
    public async Task Bans_that_ran_out_while_stopped_are_closed_as_expired_and_never_listed_as_lifted()
    {
        using var temp = new TempFolder();
        var repository = await CreateAsync(temp);
        var old = Ban("192.0.2.7", startedSecondsAgo: 900);
        await repository.AddAsync(old);

        Assert.That(await repository.CloseExpiredAsync(Now), Is.EqualTo(1));

        Assert.That(await repository.ListActiveAsync(Now), Is.Empty);
        Assert.That(await repository.ListLiftedEarlyAsync(Now), Is.Empty);
    }

    private static SecurityBanRecord Ban(string address, int startedSecondsAgo) =>
        new(address, Now.AddSeconds(-startedSecondsAgo), Now.AddSeconds(600 - startedSecondsAgo), "failed authentication", 10);

    private static async Task<SecurityBanRepository> CreateAsync(TempFolder temp)
    {
        var database = new SqliteDatabase(temp.File("bans.db"));
        await new MigrationRunner(database).MigrateAsync();
        return new SecurityBanRepository(database);
    }
}
