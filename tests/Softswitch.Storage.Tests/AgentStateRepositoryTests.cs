using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Storage.Agents;
using Softswitch.Storage.Migrations;

namespace Softswitch.Storage.Tests;

public sealed class AgentStateRepositoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Logged_in_logged_out_and_paused_agents_round_trip_with_the_pause_reason()
    {
        using var temp = new TempFolder();
        var repository = await CreateAsync(temp);
        StoredAgentState[] states =
        [
            new("1002", true, null, Now),
            new("1003", false, null, Now.AddSeconds(1)),
            new("1004", true, "missed", Now.AddSeconds(2)),
        ];

        await repository.SaveAsync(states);

        Assert.That(await repository.LoadAsync(), Is.EqualTo(states));
    }

    [Test]
    public async Task The_last_change_of_an_agent_wins_and_a_logout_forgets_the_pause_reason()
    {
        using var temp = new TempFolder();
        var repository = await CreateAsync(temp);

        await repository.SaveAsync([new StoredAgentState("1002", true, "12", Now), new StoredAgentState("1002", false, "12", Now.AddMinutes(1))]);

        Assert.That(await repository.LoadAsync(), Is.EqualTo(new[] { new StoredAgentState("1002", false, null, Now.AddMinutes(1)) }));
    }

    private static async Task<AgentStateRepository> CreateAsync(TempFolder temp)
    {
        var database = new SqliteDatabase(temp.File("softswitch.db"));
        await new MigrationRunner(database, logger: NullLogger<MigrationRunner>.Instance).MigrateAsync();
        return new AgentStateRepository(database);
    }
}
