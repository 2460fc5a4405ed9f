using System.Collections;
using Softswitch.Cli;
using Softswitch.Storage;
using Softswitch.Storage.Migrations;

namespace Softswitch.Tests.Support;

/// <summary>
/// What the CLI tests on the database share: a folder with <c>softswitch.yaml</c> naming <c>data/softswitch.db</c>, the
/// database migrated, and the CLI run there with <c>--config softswitch.yaml</c> as an administrator would.
/// </summary>
internal static class CliDatabaseFolder
{
    /// <summary>Writes the configuration and migrates its database; returns the database.</summary>
    public static async Task<SqliteDatabase> CreateAsync(TempFolder folder)
    {
        folder.Write("softswitch.yaml", ConfigFixture.Valid + "\nstorage:\n  database: data/softswitch.db\n");
        var database = new SqliteDatabase(Path.Combine(folder.Path, "data", "softswitch.db"));
        await new MigrationRunner(database).MigrateAsync();
        return database;
    }

    /// <summary>Runs <c>softswitch ARGS --config softswitch.yaml</c> in <paramref name="folder"/>; what it printed, by stream.</summary>
    public static async Task<(int Code, string Output, string Error)> RunAsync(TempFolder folder, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var code = await SoftswitchCli.RunAsync([.. args, "--config", "softswitch.yaml"], output, error, new Hashtable(), folder.Path);
        return (code, output.ToString(), error.ToString());
    }
}
