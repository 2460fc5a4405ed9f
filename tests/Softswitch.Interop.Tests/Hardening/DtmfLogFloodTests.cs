using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Hardening;

/// <summary>
/// Issue 8 finding 10 (DTMF part): one log line per key press let a flood of them fill the disk. Now each call logs a
/// budget of digit lines per minute and one summary of the rest, while every press is still read and answered.
/// </summary>
[TestFixture, NonParallelizable]
public sealed class DtmfLogFloodTests
{
    /// <summary>The scenario's presses: unlimited, they would write about 2000 lines (some 300 KB).</summary>
    private const int Presses = 2000;

    [Test]
    public async Task Two_thousand_key_presses_grow_the_log_by_a_bounded_amount_while_the_call_keeps_answering()
    {
        // Information is the level an installation runs at; Debug logs every request on purpose.
        await using var softswitch = await SoftswitchProcess.StartAsync(GoodPhone.EchoRouteYaml, "--logging:level=Information");
        var before = LogBytes(softswitch);

        var flood = SippCaller.RunAsync(softswitch, "dtmf-info-flood.xml", "1002", TimeSpan.FromSeconds(120), extra: ["-m", "1"]);
        await GoodPhone.AssertServedAsync(softswitch, "during the DTMF flood");
        var result = await flood;
        var grown = LogBytes(softswitch) - before;

        Assert.That(result.ExitCode, Is.EqualTo(0), () => $"each of the {Presses} INFOs must be answered 200 and the call hung up normally:\n{result}");
        // 50 digit lines, one summary, the call's other lines and the good phone's: a few kilobytes, not 2000 lines.
        Assert.That(grown, Is.LessThan(24 * 1024), () => $"the log grew by {grown} bytes");
        await GoodPhone.AssertServedAsync(softswitch, "after the DTMF flood");
    }

    private static long LogBytes(SoftswitchProcess softswitch)
    {
        var folder = Path.Combine(softswitch.Folder, "data", "logs");
        return Directory.Exists(folder) ? Directory.EnumerateFiles(folder).Sum(file => new FileInfo(file).Length) : 0;
    }
}
