using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Softswitch.Media.Dtmf;

/// <summary>
/// The digits of one call, merged from RFC 4733, SIP INFO and in-band detection into one
/// <see cref="Reader"/>. A phone that signals a press by two methods (e.g. RFC 4733 and the tones
/// left in the audio) yields one digit: an event is dropped when the same digit came by a different
/// method within <see cref="DuplicateWindow"/>, pairing reports one to one so that a key pressed
/// twice still counts twice. Reports from one method are never merged with each other: each source
/// already reports every press once.
/// </summary>
public sealed class DtmfEventStream : IDisposable
{
    /// <summary>Default window in which the same digit from another method is taken for the same press.</summary>
    public static readonly TimeSpan DefaultDuplicateWindow = TimeSpan.FromSeconds(1);

    private const int DefaultCapacity = 64;

    private readonly Lock _gate = new();
    private readonly Channel<DtmfEvent> _channel;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly List<Accepted> _recent = [];
    private readonly List<Action> _detach = [];

    /// <summary>Creates the stream of one call.</summary>
    /// <param name="timeProvider">Clock for the duplicate window.</param>
    /// <param name="duplicateWindow">How close two reports of one digit by different methods must be to merge.</param>
    /// <param name="capacity">Digits buffered for a slow reader; the oldest are dropped beyond it.</param>
    /// <param name="logger">Optional logger.</param>
    public DtmfEventStream(
        TimeProvider timeProvider,
        TimeSpan? duplicateWindow = null,
        int capacity = DefaultCapacity,
        ILogger<DtmfEventStream>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _time = timeProvider;
        DuplicateWindow = duplicateWindow ?? DefaultDuplicateWindow;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _channel = Channel.CreateBounded<DtmfEvent>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = false,
            SingleWriter = false,
            AllowSynchronousContinuations = false, // never run the reader on the RTP or timer thread
        });
    }

    /// <summary>Digits in the order they were accepted.</summary>
    public ChannelReader<DtmfEvent> Reader => _channel.Reader;

    /// <summary>Window within which reports of one digit by two methods are merged.</summary>
    public TimeSpan DuplicateWindow { get; }

    /// <summary>Takes the ended digits of an RFC 4733 receiver.</summary>
    public void Attach(TelephoneEventReceiver receiver)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        Action<DtmfEvent> handler = e => Publish(e);
        receiver.DigitEnded += handler;
        lock (_gate)
        {
            _detach.Add(() => receiver.DigitEnded -= handler);
        }
    }

    /// <summary>Takes the ended digits of an in-band detector.</summary>
    public void Attach(InBandDtmfDetector detector)
    {
        ArgumentNullException.ThrowIfNull(detector);
        Action<DtmfEvent> handler = e => Publish(e);
        detector.DigitEnded += handler;
        lock (_gate)
        {
            _detach.Add(() => detector.DigitEnded -= handler);
        }
    }

    /// <summary>
    /// Parses a SIP INFO body and publishes its digit. Returns false when the body is not DTMF
    /// or the digit was a duplicate.
    /// </summary>
    public bool PublishSipInfo(string? contentType, ReadOnlySpan<byte> body)
    {
        if (!SipInfoDtmfParser.TryParse(contentType, body, out var digit, out var durationMs))
        {
            return false;
        }
        return Publish(new DtmfEvent(digit, DtmfSource.SipInfo, TimeSpan.FromMilliseconds(durationMs), _time.GetUtcNow()));
    }

    /// <summary>Publishes one event; returns false when it was merged into an earlier report or the stream is closed.</summary>
    public bool Publish(DtmfEvent dtmfEvent)
    {
        ArgumentNullException.ThrowIfNull(dtmfEvent);
        var now = _time.GetTimestamp();
        lock (_gate)
        {
            _recent.RemoveAll(a => _time.GetElapsedTime(a.Timestamp, now) > DuplicateWindow);
            foreach (var accepted in _recent)
            {
                if (accepted.Digit == dtmfEvent.Digit && accepted.Source != dtmfEvent.Source && !accepted.HasAbsorbed(dtmfEvent.Source))
                {
                    accepted.Absorb(dtmfEvent.Source);
                    DtmfLog.DuplicateSuppressed(_logger, dtmfEvent.Digit.ToChar(), dtmfEvent.Source);
                    return false;
                }
            }
            if (!_channel.Writer.TryWrite(dtmfEvent))
            {
                DtmfLog.StreamFull(_logger, dtmfEvent.Digit.ToChar(), dtmfEvent.Source);
                return false;
            }
            _recent.Add(new Accepted(dtmfEvent.Digit, dtmfEvent.Source, now));
            return true;
        }
    }

    /// <summary>Ends the stream: the reader completes after the buffered digits.</summary>
    public void Complete() => _channel.Writer.TryComplete();

    /// <inheritdoc />
    public void Dispose()
    {
        Action[] detach;
        lock (_gate)
        {
            detach = [.. _detach];
            _detach.Clear();
        }
        foreach (var action in detach)
        {
            action();
        }
        Complete();
    }

    // One accepted report and the other methods whose report of the same press it has absorbed.
    private sealed class Accepted(DtmfDigit digit, DtmfSource source, long timestamp)
    {
        private int _absorbed;

        public DtmfDigit Digit { get; } = digit;

        public DtmfSource Source { get; } = source;

        public long Timestamp { get; } = timestamp;

        public bool HasAbsorbed(DtmfSource other) => (_absorbed & (1 << (int)other)) != 0;

        public void Absorb(DtmfSource other) => _absorbed |= 1 << (int)other;
    }
}
