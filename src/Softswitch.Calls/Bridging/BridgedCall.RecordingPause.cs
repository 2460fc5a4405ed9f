using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Softswitch.Calls.Legs;
using Softswitch.Calls.Media;
using Softswitch.Media.Dtmf;
using Softswitch.Media.Recording;

namespace Softswitch.Calls.Bridging;

/// <summary>
/// PCI pause: the party the caller talks to (a queue's agent) pauses the call's recording with its pause code and
/// resumes it with its resume code, or the console does by the call's id. The keys are recognised on the agent's leg
/// only; as every key they still cross the bridge (RFC 4733 in the media, INFO as an INFO), so the caller hears the two
/// short tones, never the card number in the recording. The row notes the spans written as silence.
/// </summary>
public sealed partial class BridgedCall : IRecordingControl
{
    private RecordingPauseKeys? _pauseKeys;

    /// <inheritdoc />
    public RecordingControlResult PauseRecording() => ChangeRecording(pause: true);

    /// <inheritdoc />
    public RecordingControlResult ResumeRecording() => ChangeRecording(pause: false);

    /// <summary>A key from the other party: a pause or resume code changes the recording (when there is one).</summary>
    private void OnPartyKey(DtmfDigit digit)
    {
        if (Volatile.Read(ref _recorder) is null) return;
        var keys = Volatile.Read(ref _pauseKeys);
        if (keys is null)
        {
            keys = new RecordingPauseKeys(_context.Media.PauseCodes, _context.Time);
            keys = Interlocked.CompareExchange(ref _pauseKeys, keys, null) ?? keys;
        }

        var command = keys.OnKey(digit.ToChar());
        if (command == RecordingPauseCommand.None) return;
        var result = ChangeRecording(command == RecordingPauseCommand.Pause);
        LogRecordingKeys(CallId, command.ToString(), result.ToString());
    }

    private RecordingControlResult ChangeRecording(bool pause)
    {
        if (Volatile.Read(ref _recorder) is not { } recorder || recorder.IsStopped) return RecordingControlResult.NotRecording;
        var changed = pause ? recorder.Pause() : recorder.Resume();
        return changed ? RecordingControlResult.Done : RecordingControlResult.Unchanged;
    }

    /// <summary>
    /// The application's fields for the row, with <c>recording_pauses</c> (how many) and <c>recording_paused</c> (the
    /// spans in seconds from the recording's start, <c>12.3-25.0</c>, an open end when the call ended paused) when the
    /// recording was paused.
    /// </summary>
    private Dictionary<string, string>? WithRecordingPauses(IReadOnlyDictionary<string, string>? application)
    {
        var pauses = _recorder?.Pauses ?? [];
        if (application is null && pauses.Count == 0) return null;
        var fields = application is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(application, StringComparer.Ordinal);
        if (pauses.Count == 0) return fields;
        fields["recording_pauses"] = pauses.Count.ToString(CultureInfo.InvariantCulture);
        fields["recording_paused"] = Spans(pauses);
        return fields;
    }

    private static string Spans(IReadOnlyList<RecordingPause> pauses)
    {
        var text = new StringBuilder();
        foreach (var pause in pauses)
        {
            if (text.Length > 0) text.Append(',');
            text.Append(CultureInfo.InvariantCulture, $"{pause.Start.TotalSeconds:F1}-");
            if (pause.End is { } end) text.Append(CultureInfo.InvariantCulture, $"{end.TotalSeconds:F1}");
        }

        return text.ToString();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: the agent's {Command} code for the recording: {Result}")]
    private partial void LogRecordingKeys(string callId, string command, string result);
}
