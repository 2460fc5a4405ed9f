using Serilog.Core;
using Serilog.Events;
using Softswitch.Configuration.Options;
using Softswitch.Hosting;
using Softswitch.Tests.Support;

namespace Softswitch.Tests.Hosting;

/// <summary>Finding 10: log files follow <c>storage.retention_days</c> instead of a fixed 31 files.</summary>
public sealed class LogRetentionTests
{
    [Test]
    public async Task Log_files_older_than_the_retention_are_deleted_when_the_log_opens()
    {
        using var folder = new TempFolder();
        var today = DateTime.Now;
        var old = folder.Write($"logs/softswitch-{today.AddDays(-40):yyyyMMdd}.log", "old\n");
        var recent = folder.Write($"logs/softswitch-{today.AddDays(-20):yyyyMMdd}.log", "recent\n");

        var logger = SerilogSetup.CreateLogger(new LoggingOptions { File = "logs/softswitch-.log" },
            new LoggingLevelSwitch(LogEventLevel.Information), folder.Path, retentionDays: 30);
        logger.Information("started");
        await logger.DisposeAsync();

        Assert.That(File.Exists(old), Is.False, "40 days old with retention_days 30");
        Assert.That(File.Exists(recent), Is.True, "20 days old is kept");
        Assert.That(File.Exists(Path.Combine(folder.Path, "logs", $"softswitch-{today:yyyyMMdd}.log")), Is.True);
    }
}
