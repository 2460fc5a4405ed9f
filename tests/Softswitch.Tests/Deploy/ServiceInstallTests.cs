using System.Diagnostics;
using Softswitch.Tests.Support;

namespace Softswitch.Tests.Deploy;

/// <summary>Finding 17: the systemd unit parses and says what a service needs; install.sh lays out the folders as documented.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ServiceInstallTests
{
    private static string Repository => Path.GetDirectoryName(Path.GetDirectoryName(ConfigFixture.ShippedConfigPath()))!;

    private static string Unit => Path.Combine(Repository, "deploy", "softswitch.service");

    [Test]
    public async Task The_unit_file_passes_systemd_analyze_verify()
    {
        Assert.That(File.Exists("/usr/bin/systemd-analyze"), Is.True, "systemd-analyze is not installed (apt-get install systemd)");
        using var folder = new TempFolder();
        // verify checks that ExecStart exists: point it at a stand-in for the published program.
        var program = folder.Write("softswitch", "#!/bin/sh\nexit 0\n");
        File.SetUnixFileMode(program, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var unit = folder.Write("softswitch.service", (await File.ReadAllTextAsync(Unit)).Replace("/opt/softswitch/softswitch", program, StringComparison.Ordinal));

        var (code, output) = await RunAsync("systemd-analyze", "verify", unit);

        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(output, Is.Empty, "no unknown keys or bad values");
    }

    [Test]
    public void The_unit_runs_as_its_own_user_with_the_port_capability_and_outlasts_the_drain()
    {
        var keys = File.ReadAllLines(Unit)
            .Where(line => line.Contains('=') && !line.TrimStart().StartsWith('#'))
            .Select(line => line.Split('=', 2))
            .ToLookup(pair => pair[0].Trim(), pair => pair[1].Trim());

        Assert.That(keys["User"].Single(), Is.EqualTo("softswitch"));
        Assert.That(keys["AmbientCapabilities"].Single(), Is.EqualTo("CAP_NET_BIND_SERVICE"));
        Assert.That(keys["Restart"].Single(), Is.EqualTo("on-failure"));
        Assert.That(keys["WorkingDirectory"].Single(), Is.EqualTo("/var/lib/softswitch"));
        Assert.That(keys["ReadWritePaths"].Single(), Is.EqualTo("/var/lib/softswitch"));
        Assert.That(keys["ProtectSystem"].Single(), Is.EqualTo("strict"));
        Assert.That(keys["NoNewPrivileges"].Single(), Is.EqualTo("true"));
        Assert.That(keys["KillSignal"].Single(), Is.EqualTo("SIGTERM"));
        Assert.That(keys["ExecStart"].Single(), Does.EndWith("--config /etc/softswitch/softswitch.yaml"));
        Assert.That(int.Parse(keys["TimeoutStopSec"].Single()),
            Is.GreaterThan((int)Softswitch.Hosting.ShutdownTimeouts.Host(new Softswitch.Configuration.Options.LimitsOptions()).TotalSeconds),
            "longer than the switch's own stop with the default limits.shutdown_grace_seconds: grace, hang-ups and flush");
    }

    [Test]
    public async Task Install_script_lays_out_program_configuration_and_data_and_keeps_the_admins_config_on_upgrade()
    {
        using var folder = new TempFolder();
        var program = folder.Write("publish/softswitch", "#!/bin/sh\necho softswitch 9.9.9\n");
        File.SetUnixFileMode(program, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        folder.Write("publish/softswitch.dll", "stand-in");
        var root = Path.Combine(folder.Path, "root");

        var (first, firstOutput) = await RunAsync("bash", [Path.Combine(Repository, "deploy", "install.sh"), Path.Combine(folder.Path, "publish")], ("DESTDIR", root));
        Assert.That(first, Is.EqualTo(0), firstOutput);
        var config = Path.Combine(root, "etc/softswitch/softswitch.yaml");
        await File.WriteAllTextAsync(config, "# the admin's own\n");
        var (second, secondOutput) = await RunAsync("bash", [Path.Combine(Repository, "deploy", "install.sh"), Path.Combine(folder.Path, "publish")], ("DESTDIR", root));

        Assert.That(second, Is.EqualTo(0), secondOutput);
        Assert.That(secondOutput, Does.Contain("softswitch 9.9.9"));
        Assert.That(File.Exists(Path.Combine(root, "opt/softswitch/softswitch.dll")), Is.True);
        Assert.That(await File.ReadAllTextAsync(config), Is.EqualTo("# the admin's own\n"), "an upgrade keeps the configuration");
        Assert.That(File.Exists(Path.Combine(root, "var/lib/softswitch/sounds/en/echo-test.wav")), Is.True);
        Assert.That(File.Exists(Path.Combine(root, "var/lib/softswitch/sounds/music/default.wav")), Is.True);
        Assert.That(File.ReadAllText(Path.Combine(root, "etc/systemd/system/softswitch.service")), Is.EqualTo(File.ReadAllText(Unit)));
        Assert.That(File.GetUnixFileMode(Path.Combine(root, "etc/softswitch")), Is.EqualTo(Mode0750));
        Assert.That(File.GetUnixFileMode(config), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead));
        Assert.That(File.GetUnixFileMode(Path.Combine(root, "var/lib/softswitch")), Is.EqualTo(Mode0750));
        Assert.That(File.GetUnixFileMode(Path.Combine(root, "var/lib/softswitch/data")), Is.EqualTo(Mode0750));
    }

    private const UnixFileMode Mode0750 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute;

    private static async Task<(int Code, string Output)> RunAsync(string program, IEnumerable<string> arguments, params (string Name, string Value)[] environment)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var (name, value) in environment) info.Environment[name] = value;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await output + await error).Trim());
    }

    private static Task<(int Code, string Output)> RunAsync(string program, params string[] arguments) => RunAsync(program, arguments, []);
}
