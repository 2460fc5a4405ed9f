namespace Softswitch.Calls.Media;

/// <summary>
/// Watches one call's agent keys for the pause and resume codes: the keys of a code must follow each other within
/// <see cref="RecordingPauseCodes.InterDigitTimeout"/>; a longer gap starts afresh. Thread-safe (the legs' digit readers run
/// off the call's loop); a key costs no allocation.
/// </summary>
public sealed class RecordingPauseKeys(RecordingPauseCodes codes, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly char[] _recent = new char[RecordingPauseCodes.MaxLength];
    private int _count;
    private long _lastKey;

    /// <summary>Takes one key; says whether it completed a code (the keys so far are then forgotten).</summary>
    public RecordingPauseCommand OnKey(char key)
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            if (_count > 0 && time.GetElapsedTime(_lastKey, now) > RecordingPauseCodes.InterDigitTimeout) _count = 0;
            _lastKey = now;
            if (_count == _recent.Length)
            {
                Array.Copy(_recent, 1, _recent, 0, _recent.Length - 1);
                _count--;
            }

            _recent[_count++] = key;
            ReadOnlySpan<char> typed = _recent.AsSpan(0, _count);
            var command = typed.EndsWith(codes.Pause) ? RecordingPauseCommand.Pause
                : typed.EndsWith(codes.Resume) ? RecordingPauseCommand.Resume
                : RecordingPauseCommand.None;
            if (command != RecordingPauseCommand.None) _count = 0;
            return command;
        }
    }
}
