using Microsoft.Extensions.Logging;
using Softswitch.Media.Codecs;
using Softswitch.Media.Sdp;

namespace Softswitch.Media.Legs;

/// <summary>
/// Joins the media of two legs: what A's far end sends goes to B's, and back. Same codec on both sides: packets
/// are relayed undecoded (payload bytes unchanged, headers rewritten into each leg's own stream). Different codecs:
/// each direction is transcoded (<see cref="AudioTranscoder"/>), and RFC 4733 digits are regenerated in the other
/// leg's stream, or played as tones into its audio when it negotiated no telephone-event. Each direction runs on its source leg's receive
/// loop, so a bridge adds no thread and no timer. Disposing (or <see cref="Disconnect"/>) unhooks it; the legs live on.
/// </summary>
public sealed partial class MediaBridge : IAsyncDisposable
{
    private readonly IMediaLegConsumer _aToB;
    private readonly IMediaLegConsumer _bToA;
    private readonly ILogger _logger;
    private int _disconnected;

    private MediaBridge(MediaLeg a, MediaLeg b, IMediaLegConsumer aToB, IMediaLegConsumer bToA, bool transcodes, ILogger logger)
    {
        A = a;
        B = b;
        _aToB = aToB;
        _bToA = bToA;
        Transcodes = transcodes;
        _logger = logger;
    }

    /// <summary>The first leg (usually the caller).</summary>
    public MediaLeg A { get; }

    /// <summary>The second leg (usually the callee or agent).</summary>
    public MediaLeg B { get; }

    /// <summary>True when audio is decoded and re-encoded (the legs' codecs differ).</summary>
    public bool Transcodes { get; }

    /// <summary>True when RFC 4733 packets pass between the legs (relay with telephone-event on both at one clock rate).</summary>
    public bool RelaysTelephoneEvents => _aToB is BridgeRelay { RelaysTelephoneEvents: true };

    /// <summary>How digits A's far end sends as RFC 4733 reach B's far end.</summary>
    public BridgeDigitMode DigitsAToB => DigitModeOf(_aToB);

    /// <summary>How digits B's far end sends as RFC 4733 reach A's far end.</summary>
    public BridgeDigitMode DigitsBToA => DigitModeOf(_bToA);

    /// <summary>True when a bridge between these formats is possible: same codec, or we can decode and encode both.</summary>
    public static bool CanConnect(MediaFormat a, MediaFormat b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.IsSameCodecAs(b) || (AudioCodecs.CanCreate(a) && AudioCodecs.CanCreate(b));
    }

    /// <summary>
    /// Bridges <paramref name="a"/> and <paramref name="b"/>: sets each leg's <see cref="MediaLeg.Consumer"/> to the
    /// direction towards the other (replacing an echo or a player's consumer). Taps stay as they are.
    /// </summary>
    /// <exception cref="NotSupportedException">The codecs differ and one of them cannot be transcoded.</exception>
    public static MediaBridge Connect(MediaLeg a, MediaLeg b, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(loggers);
        if (ReferenceEquals(a, b))
        {
            throw new ArgumentException("A leg cannot be bridged to itself; use an EchoConsumer.", nameof(b));
        }

        var logger = loggers.CreateLogger<MediaBridge>();
        MediaBridge bridge;
        if (a.Codec.IsSameCodecAs(b.Codec))
        {
            bridge = new MediaBridge(a, b, new BridgeRelay(a, b), new BridgeRelay(b, a), transcodes: false, logger);
        }
        else
        {
            var aToB = new BridgeTranscode(a, b);
            BridgeTranscode bToA;
            try
            {
                bToA = new BridgeTranscode(b, a);
            }
            catch
            {
                aToB.Dispose();
                throw;
            }

            bridge = new MediaBridge(a, b, aToB, bToA, transcodes: true, logger);
        }

        a.Consumer = bridge._aToB;
        b.Consumer = bridge._bToA;
        LogConnected(logger, a.CallId, a.Codec.ToString(), b.CallId, b.Codec.ToString(), bridge.Transcodes ? "transcoding" : "relaying",
            bridge.DigitsAToB, bridge.DigitsBToA);
        return bridge;
    }

    /// <summary>
    /// Unhooks both directions: each leg's consumer is cleared if it is still this bridge's (a player or another
    /// bridge installed since is left alone), and the transcoders are freed. Idempotent.
    /// </summary>
    public void Disconnect()
    {
        if (Interlocked.Exchange(ref _disconnected, 1) != 0)
        {
            return;
        }

        A.ReleaseConsumer(_aToB);
        B.ReleaseConsumer(_bToA);
        (_aToB as IDisposable)?.Dispose();
        (_bToA as IDisposable)?.Dispose();
        LogDisconnected(_logger, A.CallId, B.CallId);
    }

    /// <summary>Same as <see cref="Disconnect"/>.</summary>
    public ValueTask DisposeAsync()
    {
        Disconnect();
        return ValueTask.CompletedTask;
    }

    private static BridgeDigitMode DigitModeOf(IMediaLegConsumer direction) => direction switch
    {
        BridgeRelay { RelaysTelephoneEvents: true } => BridgeDigitMode.Relayed,
        BridgeTranscode transcode => transcode.DigitMode,
        _ => BridgeDigitMode.None,
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "{CallIdA}: media bridged to {CallIdB}, {CodecA} <-> {CodecB}, {Mode}, digits {DigitsAToB} / {DigitsBToA}")]
    private static partial void LogConnected(ILogger logger, string callIdA, string codecA, string callIdB, string codecB, string mode,
        BridgeDigitMode digitsAToB, BridgeDigitMode digitsBToA);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{CallIdA}: media bridge to {CallIdB} disconnected")]
    private static partial void LogDisconnected(ILogger logger, string callIdA, string callIdB);
}
