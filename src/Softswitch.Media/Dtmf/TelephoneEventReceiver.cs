using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Softswitch.Media.Dtmf;

/// <summary>
/// Turns the RFC 4733 telephone-event packets of one RTP stream into digits, each reported once
/// by <see cref="DigitStarted"/> and once by <see cref="DigitEnded"/>.
/// </summary>
/// <remarks>
/// One event is identified by its RTP timestamp (§2.5.1.1): redundant end packets and duplicates
/// share it and are ignored after the end; packets of older timestamps are stale. A first packet
/// without the marker (start lost) still starts the event; an end is inferred when a newer
/// timestamp begins or no packet arrives for <see cref="EndTimeout"/> (all end packets lost).
/// Long events are followed across segments (§2.5.1.3): same event, no marker, timestamp exactly
/// 0xFFFF after the previous segment. Thread-safe: packets may come from the RTP loop while the
/// end timer fires on the thread pool; handlers are raised outside the lock.
/// </remarks>
public sealed class TelephoneEventReceiver : IDisposable
{
    /// <summary>Default silence after which an event without end packets is considered over.</summary>
    public static readonly TimeSpan DefaultEndTimeout = TimeSpan.FromMilliseconds(200);

    private const uint SegmentLength = 0xFFFF;

    // A much older timestamp is a new stream (sender restarted), not a late packet.
    private const int NewStreamAfterSeconds = 5;

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly int _newStreamUnits;
    private ITimer? _endTimer;
    private bool _disposed;

    private bool _seenAny;
    private bool _active;
    private DtmfDigit _digit;
    private uint _eventTimestamp;
    private uint _segmentTimestamp;
    private long _completedSegmentUnits;
    private ushort _segmentDuration;
    private DateTimeOffset _startedAt;
    private long _lastPacketTicks;

    /// <summary>Creates a receiver for the negotiated telephone-event payload type.</summary>
    /// <param name="payloadType">The payload type from the SDP (rtpmap telephone-event).</param>
    /// <param name="timeProvider">Clock for start times and the lost-end timer.</param>
    /// <param name="clockRate">RTP clock rate of telephone-event (8000 unless the SDP says otherwise).</param>
    /// <param name="endTimeout">Silence that ends an event whose end packets were all lost.</param>
    /// <param name="logger">Optional logger.</param>
    public TelephoneEventReceiver(
        byte payloadType,
        TimeProvider timeProvider,
        int clockRate = 8000,
        TimeSpan? endTimeout = null,
        ILogger<TelephoneEventReceiver>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clockRate);
        PayloadType = payloadType;
        ClockRate = clockRate;
        EndTimeout = endTimeout ?? DefaultEndTimeout;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(EndTimeout, TimeSpan.Zero, nameof(endTimeout));
        _time = timeProvider;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _newStreamUnits = NewStreamAfterSeconds * clockRate;
    }

    /// <summary>Raised once per event, at its first packet seen.</summary>
    public event Action<DtmfEvent>? DigitStarted;

    /// <summary>Raised once per event, when it ends (E bit, newer event, or timeout). The IVR reads these.</summary>
    public event Action<DtmfEvent>? DigitEnded;

    /// <summary>The negotiated telephone-event payload type.</summary>
    public byte PayloadType { get; }

    /// <summary>RTP clock rate used to turn durations into time.</summary>
    public int ClockRate { get; }

    /// <summary>Silence after which an unfinished event is ended.</summary>
    public TimeSpan EndTimeout { get; }

    /// <summary>Feeds one RTP packet's header fields and payload. Never throws on bad input.</summary>
    public TelephoneEventReceiveResult Receive(byte payloadType, ushort sequence, uint timestamp, bool marker, ReadOnlySpan<byte> payload)
    {
        if (payloadType != PayloadType)
        {
            return Ignored(TelephoneEventReceiveResult.OtherPayloadType, payloadType, sequence, payload.Length);
        }
        if (!TelephoneEventPayload.TryParse(payload, out var packet))
        {
            return Ignored(TelephoneEventReceiveResult.PayloadTooShort, payloadType, sequence, payload.Length);
        }
        if (!DtmfDigits.TryFromEventCode(packet.EventCode, out var digit))
        {
            return Ignored(TelephoneEventReceiveResult.NotDtmf, payloadType, sequence, payload.Length);
        }

        DtmfEvent? endedPrevious = null, started = null, ended = null;
        TelephoneEventReceiveResult result;
        lock (_gate)
        {
            result = Apply(digit, packet, timestamp, marker, ref endedPrevious, ref started, ref ended);
        }
        Raise(endedPrevious, started, ended);
        if (result is TelephoneEventReceiveResult.Duplicate or TelephoneEventReceiveResult.Stale)
        {
            Ignored(result, payloadType, sequence, payload.Length);
        }
        return result;
    }

    /// <summary>Forgets the current event (e.g. after an SSRC change) without reporting it.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _seenAny = false;
            _active = false;
            _endTimer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _active = false;
            _endTimer?.Dispose();
            _endTimer = null;
        }
    }

    private TelephoneEventReceiveResult Apply(
        DtmfDigit digit, TelephoneEventPayload packet, uint timestamp, bool marker,
        ref DtmfEvent? endedPrevious, ref DtmfEvent? started, ref DtmfEvent? ended)
    {
        if (_seenAny)
        {
            // Serial-number arithmetic: RTP timestamps wrap (RFC 3550 §5.1).
            var delta = (int)(timestamp - _segmentTimestamp);
            if (delta == 0)
            {
                return SameSegment(digit, packet, ref ended);
            }
            if (delta < 0 && (_active || -delta < _newStreamUnits))
            {
                return TelephoneEventReceiveResult.Stale;
            }
            if (_active && !marker && digit == _digit && (uint)delta == SegmentLength)
            {
                // §2.5.1.3: the next segment starts where the previous one would have ended.
                _completedSegmentUnits += SegmentLength;
                _segmentTimestamp = timestamp;
                _segmentDuration = packet.Duration;
                Touch();
                if (packet.IsEnd)
                {
                    ended = End("end bit");
                    return TelephoneEventReceiveResult.Ended;
                }
                return TelephoneEventReceiveResult.NextSegment;
            }
            if (_active)
            {
                endedPrevious = End("newer event began");
            }
        }

        _seenAny = true;
        _active = true;
        _digit = digit;
        _eventTimestamp = timestamp;
        _segmentTimestamp = timestamp;
        _completedSegmentUnits = 0;
        _segmentDuration = packet.Duration;
        _startedAt = _time.GetUtcNow();
        started = new DtmfEvent(digit, DtmfSource.Rfc4733, CurrentDuration(), _startedAt, timestamp);
        DtmfLog.TelephoneEventStarted(_logger, digit.ToChar(), timestamp);
        Touch();
        if (packet.IsEnd)
        {
            // Start lost (or a very short press): the end packet alone still reports the digit.
            ended = End("end bit");
            return TelephoneEventReceiveResult.Ended;
        }
        return TelephoneEventReceiveResult.Started;
    }

    private TelephoneEventReceiveResult SameSegment(DtmfDigit digit, TelephoneEventPayload packet, ref DtmfEvent? ended)
    {
        if (!_active || digit != _digit)
        {
            return TelephoneEventReceiveResult.Duplicate;
        }
        // Reordered updates carry a smaller duration; keep the largest seen.
        if (packet.Duration > _segmentDuration)
        {
            _segmentDuration = packet.Duration;
        }
        Touch();
        if (packet.IsEnd)
        {
            ended = End("end bit");
            return TelephoneEventReceiveResult.Ended;
        }
        return TelephoneEventReceiveResult.Updated;
    }

    private DtmfEvent End(string reason)
    {
        _active = false;
        _endTimer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        var duration = CurrentDuration();
        DtmfLog.TelephoneEventEnded(_logger, _digit.ToChar(), duration.TotalMilliseconds, _eventTimestamp, reason);
        return new DtmfEvent(_digit, DtmfSource.Rfc4733, duration, _startedAt, _eventTimestamp);
    }

    private TimeSpan CurrentDuration() =>
        TimeSpan.FromTicks((_completedSegmentUnits + _segmentDuration) * TimeSpan.TicksPerSecond / ClockRate);

    // Re-arms the lost-end timer; one timer per receiver, changed rather than recreated.
    private void Touch()
    {
        _lastPacketTicks = _time.GetTimestamp();
        if (_disposed)
        {
            return;
        }
        _endTimer ??= _time.CreateTimer(static state => ((TelephoneEventReceiver)state!).OnEndTimer(), this,
            Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _endTimer.Change(EndTimeout, Timeout.InfiniteTimeSpan);
    }

    private void OnEndTimer()
    {
        DtmfEvent? ended = null;
        lock (_gate)
        {
            if (!_active || _disposed)
            {
                return;
            }
            var quiet = _time.GetElapsedTime(_lastPacketTicks);
            if (quiet < EndTimeout)
            {
                // A packet raced the timer: wait for the rest of the timeout.
                _endTimer?.Change(EndTimeout - quiet, Timeout.InfiniteTimeSpan);
                return;
            }
            ended = End("no packet within timeout");
        }
        Raise(null, null, ended);
    }

    private void Raise(DtmfEvent? endedPrevious, DtmfEvent? started, DtmfEvent? ended)
    {
        if (endedPrevious is not null)
        {
            DigitEnded?.Invoke(endedPrevious);
        }
        if (started is not null)
        {
            DigitStarted?.Invoke(started);
        }
        if (ended is not null)
        {
            DigitEnded?.Invoke(ended);
        }
    }

    private TelephoneEventReceiveResult Ignored(TelephoneEventReceiveResult result, byte payloadType, ushort sequence, int length)
    {
        DtmfLog.TelephoneEventIgnored(_logger, result, payloadType, sequence, length);
        return result;
    }
}
