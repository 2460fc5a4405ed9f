using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Hardening;

/// <summary>
/// Finding 10 (permissions): the database, logs and recordings were created world-readable. Now the data folders are
/// created 0750 and the files 0640, whatever umask the switch is started with.
/// </summary>
[TestFixture, NonParallelizable]
public sealed class DataPermissionsTests
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute;

    private const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;

    [Test]
    [Platform(Include = "Linux")]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Started_with_umask_000_the_switch_still_makes_its_data_folders_0750_and_files_0640()
    {
        // The most permissive umask an admin's shell could have; the switch inherits it.
        var previous = Posix.SetUmask(0);
        SoftswitchProcess softswitch;
        try
        {
            softswitch = await SoftswitchProcess.StartAsync(GoodPhone.EchoRouteYaml, "--routes:0:record=true");
        }
        finally
        {
            Posix.SetUmask(previous);
        }

        await using (softswitch)
        {
            await GoodPhone.AssertServedAsync(softswitch, "while checking file modes");
            Assert.That(await RecordingRows.WaitForAsync(softswitch.DatabasePath, 1, TimeSpan.FromSeconds(10)), Has.Count.EqualTo(1), "the call was recorded");
            var data = Path.Combine(softswitch.Folder, "data");

            var folders = new[] { data, Path.Combine(data, "logs") }
                .Concat(Directory.GetDirectories(Path.Combine(data, "recordings"), "*", SearchOption.AllDirectories).Prepend(Path.Combine(data, "recordings")))
                .ToList();
            var files = Directory.GetFiles(data, "*", SearchOption.AllDirectories).ToList();
            Assert.That(folders, Has.Count.EqualTo(2 + 4), "data, logs, recordings and its yyyy/MM/dd");
            Assert.That(files.Select(Path.GetFileName), Is.SupersetOf(new[] { "softswitch.db", "softswitch.db-wal", "softswitch.db-shm" }));
            Assert.That(files.Count(f => f.EndsWith(".log", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(1), "a log file");
            Assert.That(files.Count(f => f.EndsWith(".wav", StringComparison.Ordinal)), Is.EqualTo(1), "the recording");
            Assert.Multiple(() =>
            {
                foreach (var folder in folders) Assert.That(System.IO.File.GetUnixFileMode(folder), Is.EqualTo(Folder), folder);
                foreach (var file in files) Assert.That(System.IO.File.GetUnixFileMode(file), Is.EqualTo(File), file);
            });
        }
    }
}
