using System.Diagnostics;
using Softswitch.Tests.Support;

namespace Softswitch.Tests.Cli;

/// <summary>The built program, started as a separate process the way an admin or systemd would.</summary>
public sealed class ExecutableTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Test]
    public async Task Version_prints_the_program_version_and_exits_0_without_a_configuration()
    {
        using var folder = new TempFolder();

        var (code, output, error) = await RunToEndAsync(folder.Path, "--version");

        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Does.Match(@"^softswitch \d+\.\d+\.\d+\S*\n$"));
        var informational = typeof(Softswitch.Cli.SoftswitchCli).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .Cast<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion;
        Assert.That(output, Is.EqualTo($"softswitch {informational}\n"), "the informational version the build stamped");
    }

    [Test]
    public async Task Check_config_exits_1_and_prints_problems_on_stderr()
    {
        using var folder = new TempFolder();
        folder.Write("bad.yaml", ConfigFixture.ValidWithLine(3, "  prot: 5060"));

        var (code, output, error) = await RunToEndAsync(folder.Path, "check-config", "--config", "bad.yaml");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Is.Empty);
        Assert.That(error, Does.StartWith("bad.yaml:3:3: sip.prot: unknown key in sip (did you mean 'port'?)"));
    }

    [Test]
    public async Task Check_config_without_a_local_file_uses_the_one_next_to_the_program()
    {
        using var folder = new TempFolder();
        // The shipped routes name prompts, music and a flow; like every relative path they resolve against the current directory.
        folder.Write("sounds/en/echo-test.wav", "RIFF");
        folder.Write("sounds/music/default.wav", "RIFF");
        folder.Write("ivr-flows/main.yaml", "start: hello");
        folder.Write("ivr-flows/voicemail.yaml", "start: pin");

        var (code, output, error) = await RunToEndAsync(folder.Path, "check-config");

        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Does.Contain("configs/softswitch.yaml: configuration OK (5 warnings)"));
    }

    [Test]
    public async Task Run_stops_cleanly_on_sigterm()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Inconclusive("SIGTERM is a Unix signal");
        }

        using var folder = new TempFolder();
        folder.Write("configs/softswitch.yaml", ConfigFixture.OnFreePort(ConfigFixture.Valid, out _));
        using var process = Start(folder.Path, "run", "--storage:database=state/switch.db");
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data?.Contains("Softswitch started", StringComparison.Ordinal) == true)
            {
                started.TrySetResult();
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        await started.Task.WaitAsync(Patience);
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await process.WaitForExitAsync().WaitAsync(Patience);

        Assert.That(process.ExitCode, Is.EqualTo(0));
        lock (output)
        {
            Assert.That(output.ToString(), Does.Contain("Softswitch stopped"));
        }

        Assert.That(File.Exists(Path.Combine(folder.Path, "state", "switch.db")), Is.True);
        Assert.That(Directory.GetFiles(Path.Combine(folder.Path, "data", "logs")), Has.Length.EqualTo(1));
    }

    private static Process Start(string currentDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = currentDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "softswitch.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // Keep the developer's own SOFTSWITCH_ settings out of the test.
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("SOFTSWITCH_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(name);
        }

        return Process.Start(info)!;
    }

    private static async Task<(int Code, string Output, string Error)> RunToEndAsync(string currentDirectory, params string[] args)
    {
        using var process = Start(currentDirectory, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Patience);
        return (process.ExitCode, await output, await error);
    }
}
