using System.Buffers;
using System.Threading.Channels;
using Softswitch.Media.Clock;
using Softswitch.Media.Codecs;
using Softswitch.Media.Legs;
using Softswitch.Media.Sdp;
using Softswitch.Media.Audio;

namespace Softswitch.Media.Recording;

/// <summary>
/// Records what a caller says (one direction, mono 16-bit PCM WAV) until it is stopped, the caller has been silent
/// for a while, or the message is as long as allowed: a voicemail message. The clock renders one 20 ms frame per tick
/// through the same jitter buffer and decoder as call recordings; a background task writes them, so neither the RTP
/// loop nor the clock touches the disk. The WAV header is written again on close, so the file is complete however
/// the recording ended.
/// </summary>
public sealed class MessageRecorder : IMediaLegTap, IMediaClockListener, IAsyncDisposable
{
    /// <summary>Below this mean absolute sample value (about -50 dBFS) a frame counts as silence.</summary>
    private const int SilenceLevel = 100;

    private readonly RecordingChannel _received;
    private readonly WavWriter _writer;
    private readonly MediaClock _clock;
    private readonly Channel<short[]> _frames = Channel.CreateBounded<short[]>(new BoundedChannelOptions(500) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });
    private readonly TaskCompletionSource<MessageRecorderStop> _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _writing;
    private readonly int _frameSamples;
    private readonly long _maxFrames;
    private readonly long _silenceFrames;
    private long _framesRendered;
    private long _silentRun;
    private bool _heardVoice;
    private int _disposed;

    private MessageRecorder(WavWriter writer, RecordingChannel received, MediaClock clock, int rate, TimeSpan maxLength, TimeSpan silenceTimeout)
    {
        _writer = writer;
        _received = received;
        _clock = clock;
        _frameSamples = rate / 50;
        _maxFrames = (long)(maxLength / MediaClock.Period);
        _silenceFrames = silenceTimeout <= TimeSpan.Zero ? long.MaxValue : (long)(silenceTimeout / MediaClock.Period);
        SampleRate = rate;
        _writing = WriteAsync();
    }

    public int SampleRate { get; }

    /// <summary>Completes when the message ended by itself: silence after speech, or the maximum length.</summary>
    public Task<MessageRecorderStop> Stopped => _stopped.Task;

    /// <summary>Audio rendered so far.</summary>
    public TimeSpan Length => MediaClock.Period * Interlocked.Read(ref _framesRendered);

    /// <summary>Creates <paramref name="path"/> (its folder too) and starts recording on <paramref name="clock"/>'s next tick.</summary>
    /// <exception cref="ArgumentException">No decoder for <paramref name="codec"/>.</exception>
    public static MessageRecorder Start(string path, MediaFormat codec, MediaClock clock, TimeSpan maxLength, TimeSpan silenceTimeout, TimeProvider time)
    {
        if (!AudioCodecs.CanCreate(codec)) throw new ArgumentException($"No decoder for {codec}; cannot record it.", nameof(codec));
        if (System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) is { } folder) RecordingPaths.CreateFolder(folder);
        var rate = CallRecorder.RecordingRateFor(codec);
        var writer = new WavWriter(path, rate, channels: 1);
        var received = new RecordingChannel(AudioCodecs.Create(codec)!, codec.ClockRate > 8000 ? 1500 : 480, rate, time);
        var recorder = new MessageRecorder(writer, received, clock, rate, maxLength, silenceTimeout);
        clock.Add(recorder);
        return recorder;
    }

    public void OnReceived(ushort sequence, uint timestamp, bool marker, ReadOnlySpan<byte> payload) =>
        _received.Insert(sequence, timestamp, marker, payload);

    public void OnSent(ushort sequence, uint timestamp, bool marker, ReadOnlySpan<byte> payload)
    {
        // Only the caller's voice makes the message.
    }

    public void OnTick(long tick)
    {
        if (Volatile.Read(ref _disposed) != 0 || _stopped.Task.IsCompleted) return;
        var pooled = ArrayPool<short>.Shared.Rent(_frameSamples);
        var frame = pooled.AsSpan(0, _frameSamples);
        _received.Render(frame);
        if (!_frames.Writer.TryWrite(pooled)) ArrayPool<short>.Shared.Return(pooled);
        var rendered = Interlocked.Increment(ref _framesRendered);
        long level = 0;
        foreach (var sample in frame) level += Math.Abs((int)sample);
        if (level / frame.Length < SilenceLevel) _silentRun++;
        else
        {
            _silentRun = 0;
            _heardVoice = true;
        }

        // Silence ends a message once something was said; before that, the caller may be drawing breath.
        if (_silentRun >= _silenceFrames && (_heardVoice || _silentRun >= 2 * _silenceFrames)) _stopped.TrySetResult(MessageRecorderStop.Silence);
        else if (rendered >= _maxFrames) _stopped.TrySetResult(MessageRecorderStop.MaxLength);
    }

    private async Task WriteAsync()
    {
        await foreach (var frame in _frames.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            _writer.Write(frame.AsSpan(0, _frameSamples));
            ArrayPool<short>.Shared.Return(frame);
        }
    }

    /// <summary>Stops recording and closes the file with its final header.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _clock.Remove(this);
        _frames.Writer.TryComplete();
        await _writing.ConfigureAwait(false);
        _writer.Dispose();
        _received.Dispose();
        _stopped.TrySetResult(MessageRecorderStop.Stopped);
    }
}
