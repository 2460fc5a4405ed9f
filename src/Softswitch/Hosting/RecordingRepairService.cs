using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Softswitch.Configuration.Options;
using Softswitch.Media.Audio;

namespace Softswitch.Hosting;

/// <summary>
/// At start-up, before any call, fixes the WAV headers of recordings a killed process left behind, so sox and
/// every player read them. Only the last few days' folders are looked at: a recording is written the day its
/// call starts, and scanning years of archive on every start would slow the switch down for nothing.
/// </summary>
internal sealed partial class RecordingRepairService(
    Softswitch.Calls.CallServiceSettings calls, TimeProvider time, ILogger<RecordingRepairService> logger) : IHostedService
{
    private const int DaysToCheck = 3;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var root = calls.RecordingsFolder; // resolved like the database's path (SipComposition)
        var today = time.GetUtcNow();
        for (var day = 0; day < DaysToCheck; day++)
        {
            var date = today.AddDays(-day);
            var folder = Path.Combine(root, date.ToString("yyyy"), date.ToString("MM"), date.ToString("dd"));
            if (!Directory.Exists(folder)) continue;
            foreach (var file in Directory.EnumerateFiles(folder, "*.wav"))
            {
                cancellationToken.ThrowIfCancellationRequested();
                Repair(file);
            }
        }

        return Task.CompletedTask;
    }

    private void Repair(string file)
    {
        try
        {
            switch (WavRepair.Repair(file))
            {
                case WavRepairResult.Repaired:
                    LogRepaired(file);
                    break;
                case WavRepairResult.NotRepairable:
                    LogNotRepairable(file);
                    break;
            }
        }
        catch (IOException error)
        {
            LogUnreadable(error, file);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "repaired the header of recording {File} (the process had stopped while recording it)")]
    private partial void LogRepaired(string file);

    [LoggerMessage(Level = LogLevel.Error, Message = "recording {File} is not a WAV file that can be repaired")]
    private partial void LogNotRepairable(string file);

    [LoggerMessage(Level = LogLevel.Error, Message = "recording {File} could not be read")]
    private partial void LogUnreadable(Exception error, string file);
}
