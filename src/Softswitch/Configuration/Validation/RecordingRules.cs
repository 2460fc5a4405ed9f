using Softswitch.Calls.Media;
using Softswitch.Configuration.Options;

namespace Softswitch.Configuration.Validation;

/// <summary>Rules for recordings: the PCI pause codes, how long recordings and voicemail are kept, a queue's survey flow.</summary>
public static class RecordingRules
{
    public static void Check(SoftswitchOptions options, ValidationContext context)
    {
        var recording = options.Recording;
        if (!RecordingPauseCodes.IsValid(recording.PauseCode))
        {
            context.Error("recording:pause_code", $"'{recording.PauseCode}' is not 1-{RecordingPauseCodes.MaxLength} DTMF keys (0-9, *, #, A-D)");
        }

        if (!RecordingPauseCodes.IsValid(recording.ResumeCode))
        {
            context.Error("recording:resume_code", $"'{recording.ResumeCode}' is not 1-{RecordingPauseCodes.MaxLength} DTMF keys (0-9, *, #, A-D)");
        }
        else if (recording.PauseCode.EndsWith(recording.ResumeCode, StringComparison.Ordinal)
            || recording.ResumeCode.EndsWith(recording.PauseCode, StringComparison.Ordinal))
        {
            context.Error("recording:resume_code", $"'{recording.ResumeCode}' and the pause code '{recording.PauseCode}' must differ (neither may end the other)");
        }

        Days(context, "storage:recording_retention_days", options.Storage.RecordingRetentionDays);
        Days(context, "storage:voicemail_retention_days", options.Storage.VoicemailRetentionDays);
        for (var i = 0; i < options.Queues.Count; i++)
        {
            if (options.Queues[i].Survey is { } survey && (survey.Length == 0 || !survey.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
            {
                context.Error(ConfigKeys.Combine(context.ItemPath("queues", i), "survey"), $"'{survey}' is not a flow name (a file under the flows folder, without .yaml)");
            }
        }
    }

    private static void Days(ValidationContext context, string key, int days)
    {
        if (days is < 0 or > 36_500) context.Error(key, $"{days} is outside 0-36500 days (0 keeps them forever)");
    }
}
