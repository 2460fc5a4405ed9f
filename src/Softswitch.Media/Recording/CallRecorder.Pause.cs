using Microsoft.Extensions.Logging;
using Softswitch.Media.Clock;

namespace Softswitch.Media.Recording;

/// <summary>
/// PCI pause: while an agent takes card details nothing of the conversation may reach the disk. A paused recorder
/// keeps its timeline (each tick still writes a frame, of silence), so the file stays valid and its length matches the
/// call; the spans are kept for the call's row.
/// </summary>
public sealed partial class CallRecorder
{
    private readonly List<RecordingPause> _pauses = [];
    private volatile bool _paused;

    /// <summary>Frames taken by the clock so far (the position in the recording), counted on the tick path.</summary>
    private long _framesRecorded;

    /// <summary>True while silence is written instead of the conversation.</summary>
    public bool IsPaused => _paused;

    /// <summary>True once the recorder was disposed: nothing more is written.</summary>
    public bool IsStopped
    {
        get
        {
            lock (_tickGate) return _stopped;
        }
    }

    /// <summary>The spans written as silence so far, in order.</summary>
    public IReadOnlyList<RecordingPause> Pauses
    {
        get
        {
            lock (_tickGate) return [.. _pauses];
        }
    }

    /// <summary>Writes silence from the next frame on; false when already paused or stopped. Safe from any thread.</summary>
    public bool Pause()
    {
        lock (_tickGate)
        {
            if (_paused || _stopped) return false;
            _paused = true;
            _pauses.Add(new RecordingPause(Position, null));
        }

        LogPaused(_logger, Path, Position.TotalSeconds);
        return true;
    }

    /// <summary>Records the conversation again from the next frame; false when not paused or stopped. Safe from any thread.</summary>
    public bool Resume()
    {
        lock (_tickGate)
        {
            if (!_paused || _stopped) return false;
            _paused = false;
            _pauses[^1] = _pauses[^1] with { End = Position };
        }

        LogResumed(_logger, Path, Position.TotalSeconds);
        return true;
    }

    /// <summary>Where the next frame goes in the recording (under the tick gate).</summary>
    private TimeSpan Position => MediaClock.Period * _framesRecorded;

    [LoggerMessage(Level = LogLevel.Information, Message = "recording {Path} paused at {Seconds:F1} s: silence is written until it resumes")]
    private static partial void LogPaused(ILogger logger, string path, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "recording {Path} resumed at {Seconds:F1} s")]
    private static partial void LogResumed(ILogger logger, string path, double seconds);
}
