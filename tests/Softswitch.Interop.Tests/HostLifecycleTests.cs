using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests;

/// <summary>The process as an admin runs it: starts, and stops cleanly on SIGTERM.</summary>
[TestFixture]
public sealed class HostLifecycleTests
{
    [Test]
    public async Task Sigterm_stops_the_switch_cleanly_with_exit_code_0()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync();
        Posix.Terminate(softswitch.ProcessId);
        var exitCode = await softswitch.WaitForExitAsync(TimeSpan.FromSeconds(15));
        Assert.That(exitCode, Is.EqualTo(0), softswitch.Output);
    }

    [Test]
    public async Task Second_instance_on_a_taken_port_says_so_in_one_line_and_leaves_the_first_ones_log_alone()
    {
        await using var first = await SoftswitchProcess.StartAsync();
        var logBefore = LogText(first);

        var second = await Tool.RunAsync("dotnet", [SoftswitchProcess.Executable, "run", "--config", first.ConfigPath], TimeSpan.FromSeconds(30), first.Folder);

        Assert.That(second.TimedOut, Is.False, "the second instance exits by itself");
        Assert.That(second.ExitCode, Is.Not.EqualTo(0));
        var lines = (second.StandardOutput + second.StandardError).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.That(lines, Is.EqualTo(new[] { $"sip.port {first.Port}/udp on 127.0.0.1 is already in use" }), "one line, no stack trace");
        Assert.That(LogText(first), Is.EqualTo(logBefore), "nothing written into the first instance's log");
        Assert.That(first.Output, Does.Not.Contain("[FTL]"));
        var register = await GoodPhone.RegisterAsync(first);
        Assert.That(register.ExitCode, Is.EqualTo(0), () => $"the first instance keeps serving:\n{register}");
    }

    private static string LogText(SoftswitchProcess softswitch) =>
        string.Concat(Directory.GetFiles(softswitch.LogFolder).Order().Select(File.ReadAllText));
}
