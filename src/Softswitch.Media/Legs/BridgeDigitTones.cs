using Softswitch.Media.Audio;
using Softswitch.Media.Dtmf;

namespace Softswitch.Media.Legs;

/// <summary>
/// Plays the source's RFC 4733 events as DTMF tone pairs in the audio a target without telephone-event receives:
/// -10 dBm0 per tone, as long as the source held the key and at least <see cref="MinimumTone"/>. Tone frames are
/// encoded with the direction's transcoder and go out as the source reports the key still down; the rest at the end.
/// A tone follows the previous one after at least <see cref="MinimumGap"/> of audio or silence, so the same key
/// pressed twice is heard twice even when the source sends nothing between its events.
/// </summary>
internal sealed class BridgeDigitTones : BridgeDigits
{
    /// <summary>Shortest tone played (ITU-T Q.24 receivers accept 40 ms).</summary>
    public static readonly TimeSpan MinimumTone = TimeSpan.FromMilliseconds(40);

    /// <summary>Shortest pause between two tones.</summary>
    public static readonly TimeSpan MinimumGap = TimeSpan.FromMilliseconds(40);

    private const double LevelDbm0 = -10;

    private readonly AudioTranscoder _transcoder;
    private readonly IMediaFrameOutput _target;
    private readonly short[] _frame;
    private readonly int _frameUnits;
    private readonly int _clockRate;
    private readonly long _minimumToneUnits;
    private readonly long _minimumGapUnits;
    private ToneGenerator? _tone;
    private long _toneUnits;
    private long _unitsSinceTone = long.MaxValue / 2;

    public BridgeDigitTones(int sourceClockRate, AudioTranscoder transcoder, IMediaFrameOutput target)
        : base(sourceClockRate)
    {
        _transcoder = transcoder;
        _target = target;
        _frame = new short[transcoder.FrameSamples];
        _frameUnits = transcoder.FrameClockUnits;
        _clockRate = transcoder.Target.ClockRate;
        _minimumToneUnits = (long)(MinimumTone.TotalSeconds * _clockRate);
        _minimumGapUnits = (long)(MinimumGap.TotalSeconds * _clockRate);
    }

    public override void OnAudioSent(int clockUnits) => _unitsSinceTone += clockUnits;

    protected override void Begin(DtmfDigit digit, long sourceUnits)
    {
        Array.Clear(_frame);
        while (_unitsSinceTone < _minimumGapUnits && _transcoder.SendGenerated(_frame, marker: false, _target))
        {
            _unitsSinceTone += _frameUnits;
        }

        // One generator per digit: a few small objects for a rare event, none per frame.
        var (row, column) = digit.Frequencies();
        _tone = new ToneGenerator(new TonePattern(row, column, LevelDbm0), _transcoder.TargetSampleRate);
        _toneUnits = 0;
        Play(ToClock(sourceUnits, _clockRate), wholeFramesOnly: true);
    }

    protected override void Continue(long sourceUnits) => Play(ToClock(sourceUnits, _clockRate), wholeFramesOnly: true);

    protected override void Finish(long sourceUnits)
    {
        Play(Math.Max(ToClock(sourceUnits, _clockRate), _minimumToneUnits), wholeFramesOnly: false);
        _tone = null;
        _unitsSinceTone = 0;
    }

    // Sends tone frames until the tone covers `units`: whole frames only while the key is down, rounded up at the end.
    private void Play(long units, bool wholeFramesOnly)
    {
        if (_tone is null)
        {
            return;
        }

        while (wholeFramesOnly ? _toneUnits + _frameUnits <= units : _toneUnits < units)
        {
            _tone.Fill(_frame);
            var first = _toneUnits == 0;
            _toneUnits += _frameUnits;
            if (!_transcoder.SendGenerated(_frame, first, _target))
            {
                return; // on hold or closing: the rest of this tone would go nowhere either
            }
        }
    }
}
