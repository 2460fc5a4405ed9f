using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests;

/// <summary>The process as an admin runs it: starts, and stops cleanly on SIGTERM.</summary>
[TestFixture, NonParallelizable]
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
}
