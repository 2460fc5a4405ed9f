using System.Buffers.Binary;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Softswitch.Media.Dtmf;

/// <summary>
/// Detects DTMF tones in 8 kHz 16-bit PCM (feed any frame size, typically 20 ms = 160 samples;
/// state is kept between frames). Each key press is reported once by <see cref="DigitStarted"/>
/// and once by <see cref="DigitEnded"/>.
/// </summary>
/// <remarks>
/// Audio is cut into Goertzel blocks of <see cref="InBandDtmfDetectorOptions.BlockSize"/> samples,
/// each classified by level, twist, relative peaks, energy share and second harmonics. A digit
/// starts after as many consecutive matching blocks as are sure to fit whole inside the minimum
/// tone duration (2 for 40 ms at 102 samples) and ends after as many non-matching blocks as fit
/// in the minimum gap, so one dropped block in a noisy tone does not split it in two.
/// Not thread-safe: one call's audio comes from one media loop.
/// </remarks>
public sealed class InBandDtmfDetector
{
    /// <summary>Sample rate the detector expects.</summary>
    public const int SampleRate = 8000;

    private readonly DtmfToneClassifier _classifier;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly float[] _block;
    private readonly int _toneBlocks;
    private readonly int _gapBlocks;
    private readonly TimeSpan _blockDuration;
    private int _filled;
    private byte? _pendingByte;

    private DtmfDigit? _candidate;
    private int _candidateBlocks;
    private DtmfDigit? _current;
    private int _currentBlocks;
    private int _missedBlocks;
    private DateTimeOffset _currentStartedAt;

    /// <summary>Creates a detector.</summary>
    public InBandDtmfDetector(
        InBandDtmfDetectorOptions? options = null,
        TimeProvider? timeProvider = null,
        ILogger<InBandDtmfDetector>? logger = null)
    {
        options ??= InBandDtmfDetectorOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BlockSize, 40, nameof(options));
        _classifier = DtmfToneClassifier.For(options);
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _block = new float[options.BlockSize];
        _blockDuration = TimeSpan.FromTicks(TimeSpan.TicksPerSecond * options.BlockSize / SampleRate);
        _toneBlocks = WholeBlocksWithin(options.MinimumToneDuration, options.BlockSize);
        _gapBlocks = WholeBlocksWithin(options.MinimumGapDuration, options.BlockSize);
    }

    /// <summary>Raised when a tone has lasted the minimum duration.</summary>
    public event Action<DtmfEvent>? DigitStarted;

    /// <summary>Raised when the tone stops (after the minimum gap), with its measured duration.</summary>
    public event Action<DtmfEvent>? DigitEnded;

    /// <summary>Consecutive matching blocks needed before a digit is reported.</summary>
    public int BlocksToStart => _toneBlocks;

    /// <summary>Feeds samples.</summary>
    public void Process(ReadOnlySpan<short> samples)
    {
        foreach (var sample in samples)
        {
            Add(sample);
        }
    }

    /// <summary>Feeds 16-bit little-endian PCM bytes; an odd trailing byte is kept for the next call.</summary>
    public void Process(ReadOnlySpan<byte> pcm16LittleEndian)
    {
        if (_pendingByte is { } low && !pcm16LittleEndian.IsEmpty)
        {
            Add((short)(low | (pcm16LittleEndian[0] << 8)));
            pcm16LittleEndian = pcm16LittleEndian[1..];
            _pendingByte = null;
        }
        var whole = pcm16LittleEndian.Length & ~1;
        for (var i = 0; i < whole; i += 2)
        {
            Add(BinaryPrimitives.ReadInt16LittleEndian(pcm16LittleEndian[i..]));
        }
        if (whole < pcm16LittleEndian.Length)
        {
            _pendingByte = pcm16LittleEndian[whole];
        }
    }

    /// <summary>Ends a digit still sounding (end of the audio, call over).</summary>
    public void Flush()
    {
        _filled = 0;
        _pendingByte = null;
        _candidate = null;
        _candidateBlocks = 0;
        if (_current is not null)
        {
            EndCurrent();
        }
    }

    private void Add(short sample)
    {
        _block[_filled++] = sample;
        if (_filled == _block.Length)
        {
            _filled = 0;
            var verdict = _classifier.Classify(_block, out var digit);
            OnBlock(verdict == DtmfToneVerdict.Digit ? digit : null);
        }
    }

    private void OnBlock(DtmfDigit? digit)
    {
        if (digit == _candidate)
        {
            _candidateBlocks++;
        }
        else
        {
            _candidate = digit;
            _candidateBlocks = 1;
        }

        if (_current is not null)
        {
            if (digit == _current)
            {
                _currentBlocks += _missedBlocks + 1;
                _missedBlocks = 0;
            }
            else if (++_missedBlocks >= _gapBlocks)
            {
                EndCurrent();
            }
        }

        if (_current is null && _candidate is { } candidate && _candidateBlocks >= _toneBlocks)
        {
            _current = candidate;
            _currentBlocks = _candidateBlocks;
            _missedBlocks = 0;
            _currentStartedAt = _time.GetUtcNow() - _blockDuration * _candidateBlocks;
            DigitStarted?.Invoke(new DtmfEvent(candidate, DtmfSource.InBand, _blockDuration * _currentBlocks, _currentStartedAt));
        }
    }

    private void EndCurrent()
    {
        var digit = _current!.Value;
        var duration = _blockDuration * _currentBlocks;
        _current = null;
        _currentBlocks = 0;
        _missedBlocks = 0;
        DtmfLog.InBandDigitEnded(_logger, digit.ToChar(), duration.TotalMilliseconds);
        DigitEnded?.Invoke(new DtmfEvent(digit, DtmfSource.InBand, duration, _currentStartedAt));
    }

    // Whole blocks certain to fit inside any stretch of that length, however it is aligned.
    private static int WholeBlocksWithin(TimeSpan duration, int blockSize)
    {
        var samples = (int)(duration.TotalSeconds * SampleRate);
        return Math.Max(1, (samples - (blockSize - 1)) / blockSize);
    }
}
