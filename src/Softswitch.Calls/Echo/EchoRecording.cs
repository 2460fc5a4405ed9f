using System.Buffers;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Softswitch.Media.Audio;
using Softswitch.Media.Codecs;
using Softswitch.Media.Echo;
using Softswitch.Media.Sdp;

namespace Softswitch.Calls.Echo;

/// <summary>
/// Records an echo call as a stereo 16-bit WAV: left what the caller sent, right what went back. The RTP loop only
/// copies payload bytes into a pooled buffer and queues them; one background task per recording decodes G.711 and
/// writes with buffered I/O, so the disk never slows the packet path. If the queue is full a frame is dropped and
/// counted rather than blocking. The WAV header is rewritten on close; a crash leaves a file the start-up repair fixes.
/// </summary>
public sealed partial class EchoRecording : IEchoTap, IAsyncDisposable
{
    private const int QueueFrames = 500; // 10 s of 20 ms frames

    private readonly Channel<(byte[] Buffer, int Length)> _frames =
        Channel.CreateBounded<(byte[], int)>(new BoundedChannelOptions(QueueFrames) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.DropWrite });

    private readonly WavWriter _writer;
    private readonly IAudioCodec _decoder;
    private readonly Task _writing;
    private readonly ILogger<EchoRecording> _logger;
    private readonly string _callId;
    private long _dropped;

    private EchoRecording(string path, string callId, IAudioCodec decoder, ILogger<EchoRecording> logger)
    {
        Path = path;
        _callId = callId;
        _decoder = decoder;
        _logger = logger;
        _writer = new WavWriter(path, sampleRate: 8000, channels: 2);
        _writing = Task.Run(WriteAsync);
    }

    public string Path { get; }

    /// <summary>
    /// Starts a recording under <c>root/yyyy/MM/dd/&lt;call id&gt;.wav</c>; <paramref name="decoder"/> is the call's
    /// 8 kHz codec, null when the call uses one not recorded yet (then nothing is recorded and a warning says so).
    /// </summary>
    public static EchoRecording? Start(string root, string callId, MediaFormat codec, IAudioCodec? decoder, TimeProvider time, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger<EchoRecording>();
        if (decoder is not { ClockRate: 8000, Channels: 1 })
        {
            LogUnsupportedCodec(logger, callId, codec.EncodingName);
            return null;
        }

        var now = time.GetUtcNow();
        var folder = System.IO.Path.Combine(root, now.ToString("yyyy"), now.ToString("MM"), now.ToString("dd"));
        Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(folder, SafeFileName(callId) + ".wav");
        LogStarted(logger, callId, path);
        return new EchoRecording(path, callId, decoder, logger);
    }

    public void OnAudio(ReadOnlySpan<byte> fromCaller, ReadOnlySpan<byte> toCaller, uint rtpTimestamp)
    {
        // One buffer holds both directions: [caller bytes][echo bytes], equal lengths for an echo.
        var length = Math.Min(fromCaller.Length, toCaller.Length);
        var buffer = ArrayPool<byte>.Shared.Rent(length * 2);
        fromCaller[..length].CopyTo(buffer);
        toCaller[..length].CopyTo(buffer.AsSpan(length));
        if (!_frames.Writer.TryWrite((buffer, length)))
        {
            ArrayPool<byte>.Shared.Return(buffer);
            Interlocked.Increment(ref _dropped);
        }
    }

    private async Task WriteAsync()
    {
        var left = new short[320];
        var right = new short[320];
        await foreach (var (buffer, length) in _frames.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                var samples = Math.Min(length, left.Length);
                _decoder.Decode(buffer.AsSpan(0, samples), left);
                _decoder.Decode(buffer.AsSpan(length, samples), right);
                _writer.WriteStereo(left.AsSpan(0, samples), right.AsSpan(0, samples));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private static string SafeFileName(string callId) =>
        string.Concat(callId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '@' ? c : '_'));

    public async ValueTask DisposeAsync()
    {
        _frames.Writer.TryComplete();
        await _writing.ConfigureAwait(false);
        _writer.Dispose();
        LogFinished(_callId, Path, Interlocked.Read(ref _dropped));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: recording to {Path}")]
    private static partial void LogStarted(ILogger logger, string callId, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{CallId}: not recording, codec {Codec} is not recorded yet (only 8 kHz codecs are)")]
    private static partial void LogUnsupportedCodec(ILogger logger, string callId, string codec);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: recording {Path} closed ({Dropped} frames dropped)")]
    private partial void LogFinished(string callId, string path, long dropped);
}
