using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Softswitch.Media.Audio;
using Softswitch.Media.Clock;
using Softswitch.Media.Codecs;
using Softswitch.Media.Legs;
using Softswitch.Media.Sdp;

namespace Softswitch.Media.Recording;

/// <summary>
/// Records one call leg as a stereo 16-bit PCM WAV: left what the caller sent us (received), right what we sent the
/// caller (the other side). Each direction goes through its own jitter buffer and decoder; the shared media clock
/// takes one 20 ms frame from each per tick, so both channels stay on wall time from <see cref="Start"/> on, and a
/// direction that is silent (not started, on hold, lost packets) records silence instead of stalling.
/// </summary>
/// <remarks>
/// The RTP loops only copy payloads into the jitter buffers; the clock thread decodes into pooled buffers and hands
/// them to a bounded queue; one background task writes them with buffered I/O. Nothing on the packet or tick path
/// touches the disk, blocks or allocates: when the disk falls behind, frames are dropped and counted.
/// </remarks>
public sealed partial class CallRecorder : IMediaLegTap, IMediaClockListener, IAsyncDisposable
{
    /// <summary>
    /// Most frames one tick writes to make up for ticks the clock skipped (after a long pause); the rest are counted
    /// as dropped rather than written in a burst that would overflow the queue anyway.
    /// </summary>
    private const int MaxCatchUpFrames = 50;

    private readonly MediaClock _clock;
    private readonly ILogger<CallRecorder> _logger;
    private readonly RecordingChannel _received;
    private readonly RecordingChannel _sent;
    private readonly WavWriter _writer;
    private readonly Channel<short[]> _queue;
    private readonly ConcurrentQueue<short[]> _freeFrames = new();
    private readonly Lock _tickGate = new();
    private readonly int _flushEveryFrames;
    private readonly Task _writing;
    private long _lastTick = -1;
    private bool _stopped;
    private bool _dropping;
    private bool _writeFailed;
    private long _framesWritten;
    private long _framesDropped;
    private int _disposed;

    private CallRecorder(string path, WavWriter writer, RecordingChannel received, RecordingChannel sent, MediaClock clock, ILogger<CallRecorder> logger, CallRecorderOptions options)
    {
        Path = path;
        SampleRate = writer.Format.SampleRate;
        FrameSamples = SampleRate / 50;
        _writer = writer;
        _received = received;
        _sent = sent;
        _clock = clock;
        _logger = logger;
        _flushEveryFrames = options.FlushEveryFrames;
        _queue = Channel.CreateBounded<short[]>(new BoundedChannelOptions(options.QueueFrames)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then fails instead of waiting: we drop and count.
        });
        _writing = Task.Run(WriteAsync);
    }

    /// <summary>The WAV file being written.</summary>
    public string Path { get; }

    /// <summary>Sample rate of both channels: 8000 for 8 kHz codecs, 16000 for Opus.</summary>
    public int SampleRate { get; }

    /// <summary>Samples per channel in one 20 ms frame at <see cref="SampleRate"/>.</summary>
    public int FrameSamples { get; }

    /// <summary>20 ms stereo frames written to the file (buffered or on disk).</summary>
    public long FramesWritten => Interlocked.Read(ref _framesWritten);

    /// <summary>Frames lost because the disk fell behind (queue full), the clock skipped far ahead, or a write failed.</summary>
    public long FramesDropped => Interlocked.Read(ref _framesDropped);

    /// <summary>Received frames lost or corrupt, filled by codec concealment (Opus) or silence (G.711).</summary>
    public long ReceivedFramesConcealed => _received.FramesConcealed;

    /// <summary>Sent frames lost or corrupt, filled by codec concealment (Opus) or silence (G.711).</summary>
    public long SentFramesConcealed => _sent.FramesConcealed;

    /// <summary>Received packets refused by the jitter buffer (too late, duplicate, oversized).</summary>
    public long ReceivedPacketsDiscarded => _received.PacketsDiscarded;

    /// <summary>Sent packets refused by the jitter buffer (too late, duplicate, oversized).</summary>
    public long SentPacketsDiscarded => _sent.PacketsDiscarded;

    /// <summary>Length of the audio written so far.</summary>
    public TimeSpan Duration => MediaClock.Period * FramesWritten;

    /// <summary>The sample rate a recording of <paramref name="codec"/> is made at.</summary>
    public static int RecordingRateFor(MediaFormat codec) =>
        // Opus carries wideband speech (up to 8 kHz of audio at VoIP bitrates); 16 kHz keeps it, where 8 kHz would cut
        // it back to telephone band, and 48 kHz would triple the file for nothing a voice has.
        codec.ClockRate > 8000 ? 16000 : 8000;

    /// <summary>
    /// Creates <paramref name="path"/> (and its folders, 0750), starts the writer and registers with
    /// <paramref name="clock"/>: recording time starts now. The file is created new (0640): an existing file is never
    /// opened, let alone truncated.
    /// </summary>
    /// <exception cref="ArgumentException">No decoder for <paramref name="codec"/> (see <see cref="AudioCodecs.CanCreate"/>).</exception>
    /// <exception cref="IOException">The file exists already or cannot be created.</exception>
    public static CallRecorder Start(string path, MediaFormat codec, MediaClock clock, ILogger<CallRecorder> logger, CallRecorderOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!AudioCodecs.CanCreate(codec))
        {
            throw new ArgumentException($"No decoder for {codec}; cannot record it.", nameof(codec));
        }

        string? folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (folder is not null)
        {
            RecordingPaths.CreateFolder(folder);
        }

        var create = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.Read,
            BufferSize = 0,
        };
        if (!OperatingSystem.IsWindows()) create.UnixCreateMode = RecordingPaths.FilePermissions;
        var stream = new FileStream(path, create);
        try
        {
            return Start(stream, path, codec, clock, logger, options);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Records into <paramref name="stream"/> (seekable, writable; closed on dispose). For tests of the writer side.</summary>
    internal static CallRecorder Start(Stream stream, string path, MediaFormat codec, MediaClock clock, ILogger<CallRecorder> logger, CallRecorderOptions? options = null)
    {
        options ??= new CallRecorderOptions();
        options.Validate();
        if (!AudioCodecs.CanCreate(codec))
        {
            throw new ArgumentException($"No decoder for {codec}; cannot record it.", nameof(codec));
        }

        int rate = RecordingRateFor(codec);
        // Opus packets may carry up to 120 ms: allow a full MTU; G.711 up to 60 ms (480 bytes).
        int maxPayload = codec.ClockRate > 8000 ? 1500 : 480;
        // The header first: if the file cannot be written, no decoder has been made yet.
        var writer = new WavWriter(stream, rate, channels: 2);
        var received = new RecordingChannel(AudioCodecs.Create(codec)!, maxPayload, rate, options.Time);
        var sent = new RecordingChannel(AudioCodecs.Create(codec)!, maxPayload, rate, options.Time);
        var recorder = new CallRecorder(path, writer, received, sent, clock, logger, options);
        LogStarted(logger, path, codec.EncodingName, rate);
        clock.Add(recorder);
        return recorder;
    }

    /// <inheritdoc />
    public void OnReceived(ushort sequence, uint timestamp, bool marker, ReadOnlySpan<byte> payload) =>
        _received.Insert(sequence, timestamp, marker, payload);

    /// <inheritdoc />
    public void OnSent(ushort sequence, uint timestamp, bool marker, ReadOnlySpan<byte> payload) =>
        _sent.Insert(sequence, timestamp, marker, payload);

    /// <summary>Records one 20 ms frame of both directions (and makes up for ticks the clock skipped).</summary>
    public void OnTick(long tick)
    {
        lock (_tickGate)
        {
            if (_stopped)
            {
                return;
            }

            long due = _lastTick < 0 ? 1 : tick - _lastTick;
            if (due <= 0)
            {
                return;
            }

            _lastTick = tick;
            if (due > MaxCatchUpFrames)
            {
                Interlocked.Add(ref _framesDropped, due - MaxCatchUpFrames);
                due = MaxCatchUpFrames;
            }

            for (long i = 0; i < due; i++)
            {
                RecordFrame();
            }
        }
    }

    /// <summary>Stops recording: leaves the clock, writes what is queued, rewrites the header and closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _clock.Remove(this);
        lock (_tickGate)
        {
            // A tick already running on the clock thread finishes first; none starts after this.
            _stopped = true;
        }

        _queue.Writer.TryComplete();
        await _writing.ConfigureAwait(false);
        _received.Dispose();
        _sent.Dispose();
        LogFinished(_logger, Path, Duration.TotalSeconds, FramesDropped, ReceivedFramesConcealed, SentFramesConcealed);
    }

    private void RecordFrame()
    {
        if (!_freeFrames.TryDequeue(out short[]? frame))
        {
            // Grows only until the queue's worth of frames exists; afterwards frames circulate.
            frame = new short[2 * FrameSamples];
        }

        _received.Render(frame.AsSpan(0, FrameSamples));
        _sent.Render(frame.AsSpan(FrameSamples, FrameSamples));
        // Paused (PCI): both directions are still taken from their buffers, but silence is written in their place.
        if (_paused) frame.AsSpan(0, 2 * FrameSamples).Clear();
        _framesRecorded++;
        if (_queue.Writer.TryWrite(frame))
        {
            _dropping = false;
            return;
        }

        _freeFrames.Enqueue(frame);
        Interlocked.Increment(ref _framesDropped);
        if (!_dropping)
        {
            _dropping = true;
            LogQueueFull(_logger, Path);
        }
    }

    private async Task WriteAsync()
    {
        ChannelReader<short[]> reader = _queue.Reader;
        int sinceFlush = 0;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out short[]? frame))
            {
                Write(frame, ref sinceFlush);
                _freeFrames.Enqueue(frame);
            }
        }

        try
        {
            _writer.Dispose();
        }
        catch (IOException error)
        {
            LogWriteFailed(_logger, error, Path);
        }
    }

    private void Write(short[] frame, ref int sinceFlush)
    {
        if (_writeFailed)
        {
            Interlocked.Increment(ref _framesDropped);
            return;
        }

        try
        {
            _writer.WriteStereo(frame.AsSpan(0, FrameSamples), frame.AsSpan(FrameSamples, FrameSamples));
            Interlocked.Increment(ref _framesWritten);
            if (++sinceFlush >= _flushEveryFrames)
            {
                sinceFlush = 0;
                _writer.Flush();
            }
        }
        catch (IOException error)
        {
            // Disk full or gone: keep the call going, stop writing, count what is lost.
            _writeFailed = true;
            Interlocked.Increment(ref _framesDropped);
            LogWriteFailed(_logger, error, Path);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "recording {Path} started ({Codec}, {SampleRate} Hz stereo)")]
    private static partial void LogStarted(ILogger logger, string path, string codec, int sampleRate);

    [LoggerMessage(Level = LogLevel.Information, Message = "recording {Path} finished: {Seconds:F1} s, {Dropped} frames dropped, {ReceivedConcealed}/{SentConcealed} frames concealed (received/sent)")]
    private static partial void LogFinished(ILogger logger, string path, double seconds, long dropped, long receivedConcealed, long sentConcealed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "recording {Path}: the disk is behind, dropping frames")]
    private static partial void LogQueueFull(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "recording {Path}: write failed, the rest of the call is not recorded")]
    private static partial void LogWriteFailed(ILogger logger, Exception error, string path);
}
