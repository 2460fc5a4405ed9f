using System.Numerics;

namespace Softswitch.Media.Rtp;

/// <summary>
/// Adaptive playout buffer for the decoding side (recorder, IVR, conference), not the relay: packets go in
/// by sequence number in any order, one frame comes out per media-clock tick, lost frames come out as
/// <see cref="JitterBufferPopResult.Missing"/> so the caller conceals them.
/// </summary>
/// <remarks>
/// <para>Payloads live in preallocated slots (a power-of-two ring indexed by sequence number, so the ring
/// and the 16-bit wrap line up): inserting and popping allocate nothing.</para>
/// <para>Adaptation: jitter is estimated as in RFC 3550 A.8 from arrival times; the target depth is one
/// frame plus three times that estimate, rounded up to frames and clamped to min..max. The buffer fills to
/// the target at the start, after an underrun and at each talkspurt (marker bit) arriving into an empty
/// buffer; it shrinks by dropping one frame when it holds more than target + hysteresis.</para>
/// <para>Timestamps: playout follows the sequence numbers but honours the timestamps. A playout clock runs one
/// frame per <see cref="Pop"/> (through underruns too); when the packet due next is stamped a frame or more ahead of
/// it, as after a DTX silence where the sender sent nothing but numbered on, the buffer plays
/// <see cref="JitterBufferPopResult.Gap"/> until the packet is due, up to
/// <see cref="JitterBufferOptions.MaxGapMilliseconds"/> (a larger jump is a new timeline and plays at once). So a
/// silence shorter than the playout delay is not squeezed out, and the delay (the offset from the other direction
/// of a stereo recording) stays put. Shrinking drops a frame of such a gap before it drops audio.</para>
/// <para>Wrap-around: sequence distances are computed in 16 bits and timestamp differences in 32 bits, so
/// both wraps are seamless. A sequence jump beyond the ring (or far backwards) resynchronises.</para>
/// Not thread-safe: insert and pop from one actor.
/// </remarks>
public sealed class JitterBuffer
{
    /// <summary>How far behind the playout point a packet may be and still count as merely late (not a restart).</summary>
    private const int MaxMisorder = 100;

    private readonly JitterBufferOptions _options;
    private readonly int _capacity;
    private readonly int _mask;
    private readonly byte[] _payloads;
    private readonly int[] _lengths;
    private readonly ushort[] _sequences;
    private readonly uint[] _timestamps;
    private readonly bool[] _occupied;
    private readonly int _minFrames;
    private readonly int _maxFrames;
    private readonly int _maxGapSamples;
    private bool _started;
    private bool _buffering;
    private ushort _next;
    private ushort _highest;
    private bool _hasTransit;
    private int _transit;
    private double _jitter;
    private JitterBufferPacketDuration _packetDuration;

    // The playout clock, once a frame has played since the last restart: the frame at _next is due at the last
    // frame's timestamp plus one packet plus the idle time since (underrun and gap ticks). Kept in two parts so a
    // packet size learned later applies to it.
    private bool _clockRunning;
    private uint _lastTimestamp;
    private uint _idleSamples;

    /// <summary>Creates a buffer; all memory is allocated here.</summary>
    public JitterBuffer(JitterBufferOptions? options = null)
    {
        _options = options ?? new JitterBufferOptions();
        _options.Validate();
        var frameMilliseconds = _options.FrameSamples * 1000.0 / _options.ClockRate;
        _minFrames = Math.Max(1, (int)Math.Ceiling(_options.MinDepthMilliseconds / frameMilliseconds));
        _maxFrames = Math.Max(_minFrames, (int)Math.Ceiling(_options.MaxDepthMilliseconds / frameMilliseconds));
        // Room for the deepest target plus a burst as large again.
        _capacity = (int)BitOperations.RoundUpToPowerOf2((uint)((2 * _maxFrames) + _options.ShrinkHysteresisFrames + 2));
        _mask = _capacity - 1;
        _payloads = new byte[_capacity * _options.MaxPayloadSize];
        _lengths = new int[_capacity];
        _sequences = new ushort[_capacity];
        _timestamps = new uint[_capacity];
        _maxGapSamples = (int)Math.Min(int.MaxValue, (long)_options.MaxGapMilliseconds * _options.ClockRate / 1000);
        _packetDuration = new JitterBufferPacketDuration(_options.ClockRate);
        _occupied = new bool[_capacity];
        TargetDepth = _minFrames;
    }

    /// <summary>Playout delay the buffer aims for, in frames.</summary>
    public int TargetDepth { get; private set; }

    /// <summary>Playout delay the buffer aims for.</summary>
    public TimeSpan TargetDelay => TimeSpan.FromSeconds((double)TargetDepth * _options.FrameSamples / _options.ClockRate);

    /// <summary>Frames from the playout point to the newest packet received (gaps included).</summary>
    public int Depth => _started && (short)(_highest - _next) >= 0 ? (short)(_highest - _next) + 1 : 0;

    /// <summary>Interarrival jitter estimate in timestamp units.</summary>
    public double Jitter => _jitter;

    /// <summary>Sequence number of the frame the next <see cref="Pop"/> plays (once started).</summary>
    public ushort NextSequence => _next;

    /// <summary>Frames played.</summary>
    public long FramesPlayed { get; private set; }

    /// <summary>Frames of sender silence (DTX) played as <see cref="JitterBufferPopResult.Gap"/>.</summary>
    public long GapFrames { get; private set; }

    /// <summary>Frames reported missing.</summary>
    public long FramesMissing { get; private set; }

    /// <summary>Frames dropped to shrink the delay (a frame of a gap first, audio otherwise).</summary>
    public long FramesDropped { get; private set; }

    /// <summary>Duplicates dropped.</summary>
    public long Duplicates { get; private set; }

    /// <summary>Packets dropped for arriving after their playout time.</summary>
    public long LatePackets { get; private set; }

    /// <summary>Times the buffer started over on a jump.</summary>
    public long Resyncs { get; private set; }

    /// <summary>Parses an RTP packet and inserts its payload (padding removed).</summary>
    public JitterBufferInsertResult Insert(ReadOnlySpan<byte> rtpPacket, uint arrivalTime)
    {
        if (RtpHeader.TryParse(rtpPacket, out var header, out var payloadOffset) != RtpParseStatus.Success)
        {
            return JitterBufferInsertResult.Invalid;
        }

        return Insert(header.SequenceNumber, header.Timestamp, header.Marker, rtpPacket.Slice(payloadOffset, header.PayloadLength), arrivalTime);
    }

    /// <summary>
    /// Inserts one frame. <paramref name="arrivalTime"/> is the arrival instant in RTP clock units
    /// (e.g. the media clock in samples); it feeds the jitter estimate.
    /// </summary>
    public JitterBufferInsertResult Insert(ushort sequence, uint timestamp, bool marker, ReadOnlySpan<byte> payload, uint arrivalTime)
    {
        if (payload.Length > _options.MaxPayloadSize)
        {
            return JitterBufferInsertResult.TooLarge;
        }

        if (!_started)
        {
            Restart(sequence);
            UpdateJitter(timestamp, arrivalTime);
            Store(sequence, timestamp, payload);
            return JitterBufferInsertResult.Stored;
        }

        var distance = (short)(sequence - _next);
        if (distance < 0)
        {
            if (distance >= -MaxMisorder)
            {
                LatePackets++;
                return JitterBufferInsertResult.TooLate;
            }

            return Resync(sequence, timestamp, payload, arrivalTime);
        }

        if (distance >= _capacity)
        {
            return Resync(sequence, timestamp, payload, arrivalTime);
        }

        var slot = sequence & _mask;
        if (_occupied[slot] && _sequences[slot] == sequence)
        {
            Duplicates++;
            return JitterBufferInsertResult.Duplicate;
        }

        UpdateJitter(timestamp, arrivalTime);
        if (marker && Depth == 0)
        {
            // A talkspurt starts into an empty buffer: the moment to re-establish the target delay unheard.
            _next = sequence;
            _highest = sequence;
            _buffering = true;
        }

        Store(sequence, timestamp, payload);
        return JitterBufferInsertResult.Stored;
    }

    /// <summary>Takes the frame due at this tick into <paramref name="destination"/> (at least MaxPayloadSize bytes).</summary>
    public JitterBufferPopResult Pop(Span<byte> destination, out int length)
    {
        length = 0;
        if (!_started)
        {
            return JitterBufferPopResult.Buffering;
        }

        var depth = Depth;
        if (_buffering)
        {
            if (depth < TargetDepth)
            {
                return Idle();
            }

            _buffering = false;
        }

        if (depth == 0)
        {
            // Underrun: everything received was played. Refill to the target before playing on.
            _buffering = true;
            return Idle();
        }

        if (depth > TargetDepth + _options.ShrinkHysteresisFrames)
        {
            DropOneFrame();
        }

        var slot = _next & _mask;
        var present = _occupied[slot] && _sequences[slot] == _next;
        if (present && FramesAhead(_timestamps[slot]) > 0)
        {
            // The sender was silent (DTX) but numbered on: play the silence its timestamps say it kept.
            _idleSamples += (uint)_options.FrameSamples;
            GapFrames++;
            return JitterBufferPopResult.Gap;
        }

        _next++;
        if (!present)
        {
            _lastTimestamp += (uint)PacketSamples;
            FramesMissing++;
            return JitterBufferPopResult.Missing;
        }

        length = _lengths[slot];
        _payloads.AsSpan(slot * _options.MaxPayloadSize, length).CopyTo(destination);
        _occupied[slot] = false;
        _lastTimestamp = _timestamps[slot];
        _idleSamples = 0;
        _clockRunning = true;
        FramesPlayed++;
        return JitterBufferPopResult.Frame;
    }

    /// <summary>Timestamp units one packet covers: learned from the stream, one frame until then.</summary>
    private int PacketSamples => _packetDuration.Samples > 0 ? _packetDuration.Samples : _options.FrameSamples;

    /// <summary>Nothing to play this tick; the playout clock runs on, so a talkspurt after it is timed from here.</summary>
    private JitterBufferPopResult Idle()
    {
        _idleSamples += (uint)_options.FrameSamples;
        return JitterBufferPopResult.Buffering;
    }

    /// <summary>
    /// Whole frames a packet stamped <paramref name="timestamp"/> is ahead of the playout clock: 0 when it is due
    /// (or late), when the clock is not running yet, before the packet size is known (a 60 ms packet is no gap), or
    /// when the jump is too large to be a silence (a new timeline plays at once).
    /// </summary>
    private int FramesAhead(uint timestamp)
    {
        if (!_clockRunning || _packetDuration.Samples == 0)
        {
            return 0;
        }

        var ahead = (int)(timestamp - (_lastTimestamp + (uint)PacketSamples + _idleSamples));
        return ahead >= _options.FrameSamples && ahead <= _maxGapSamples ? ahead / _options.FrameSamples : 0;
    }

    /// <summary>Shrinks the delay by a frame: one of a silence if the packet due is still ahead, else the packet due.</summary>
    private void DropOneFrame()
    {
        FramesDropped++;
        var slot = _next & _mask;
        var present = _occupied[slot] && _sequences[slot] == _next;
        if (present && FramesAhead(_timestamps[slot]) > 0)
        {
            _idleSamples += (uint)_options.FrameSamples;
            return;
        }

        if (present)
        {
            _lastTimestamp = _timestamps[slot];
            _idleSamples = 0;
        }
        else
        {
            _lastTimestamp += (uint)PacketSamples;
        }

        Release(_next);
        _next++;
    }

    private JitterBufferInsertResult Resync(ushort sequence, uint timestamp, ReadOnlySpan<byte> payload, uint arrivalTime)
    {
        Resyncs++;
        Restart(sequence);
        _hasTransit = false;
        UpdateJitter(timestamp, arrivalTime);
        Store(sequence, timestamp, payload);
        return JitterBufferInsertResult.Resynced;
    }

    private void Restart(ushort sequence)
    {
        Array.Clear(_occupied);
        _started = true;
        _buffering = true;
        _next = sequence;
        _highest = sequence;
        _clockRunning = false;
        _packetDuration.Reset();
    }

    private void Store(ushort sequence, uint timestamp, ReadOnlySpan<byte> payload)
    {
        var slot = sequence & _mask;
        payload.CopyTo(_payloads.AsSpan(slot * _options.MaxPayloadSize));
        _lengths[slot] = payload.Length;
        _sequences[slot] = sequence;
        _timestamps[slot] = timestamp;
        _packetDuration.OnPacket(sequence, timestamp);
        _occupied[slot] = true;
        if ((short)(sequence - _highest) > 0)
        {
            _highest = sequence;
        }
    }

    private void Release(ushort sequence)
    {
        var slot = sequence & _mask;
        if (_sequences[slot] == sequence)
        {
            _occupied[slot] = false;
        }
    }

    private void UpdateJitter(uint timestamp, uint arrivalTime)
    {
        // RFC 3550 A.8 with 32-bit wrapping differences; it drives the target depth.
        var transit = (int)(arrivalTime - timestamp);
        if (_hasTransit)
        {
            var difference = Math.Abs((long)(transit - _transit));
            _jitter += (difference - _jitter) / 16.0;
        }

        _transit = transit;
        _hasTransit = true;
        // One frame plus three jitter deviations; a tenth of a frame of slack keeps a decayed estimate
        // (which never reaches exactly zero) from holding an extra frame forever.
        var extra = (int)Math.Ceiling(((3 * _jitter) - (0.1 * _options.FrameSamples)) / _options.FrameSamples);
        TargetDepth = Math.Clamp(1 + Math.Max(0, extra), _minFrames, _maxFrames);
    }
}
