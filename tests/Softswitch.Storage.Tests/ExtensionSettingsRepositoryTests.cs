using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Storage.Extensions;
using Softswitch.Storage.Migrations;

namespace Softswitch.Storage.Tests;

public sealed class ExtensionSettingsRepositoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Settings_round_trip_with_unset_fields_kept_null()
    {
        using var temp = new TempFolder();
        var repository = await CreateAsync(temp);
        StoredExtensionSetting[] settings =
        [
            new("1001", true, null, Now),
            new("1002", null, "1003", Now.AddSeconds(1)),
            new("1003", false, "", Now.AddSeconds(2)),
        ];

        await repository.SaveAsync(settings);

        Assert.That(await repository.LoadAsync(), Is.EqualTo(settings));
    }

    [Test]
    public async Task A_later_change_of_an_extension_replaces_its_row()
    {
        using var temp = new TempFolder();
        var repository = await CreateAsync(temp);

        await repository.SaveAsync([new StoredExtensionSetting("1001", true, null, Now), new StoredExtensionSetting("1001", false, "1002", Now.AddMinutes(1))]);

        Assert.That(await repository.LoadAsync(), Is.EqualTo(new[] { new StoredExtensionSetting("1001", false, "1002", Now.AddMinutes(1)) }));
    }

    private static async Task<ExtensionSettingsRepository> CreateAsync(TempFolder temp)
    {
        var database = new SqliteDatabase(temp.File("softswitch.db"));
        await new MigrationRunner(database, logger: NullLogger<MigrationRunner>.Instance).MigrateAsync();
        return new ExtensionSettingsRepository(database);
    }
}
