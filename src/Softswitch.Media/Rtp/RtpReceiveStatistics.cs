namespace Softswitch.Media.Rtp;

/// <summary>
/// Reception statistics of one remote source: sequence validation (RFC 3550 Appendix A.1), loss
/// (A.3), interarrival jitter (A.8) and counts, turned into a report block for SR/RR (§6.4.1).
/// </summary>
/// <remarks>
/// <para>Two loss figures: <see cref="CumulativeLost"/> is the RFC's on-the-wire value, which counts duplicates as
/// received and so goes negative when a sender repeats packets (linphone/mediastreamer2 sends the three RFC 4733
/// end packets of a digit with one sequence number: -2 per digit). <see cref="PacketsLost"/> is what the call
/// really lost: duplicates (remembered in a 128-packet window, which covers MAX_MISORDER) and late packets from
/// before the base sequence are left out, so it never goes below zero.</para>
/// Not thread-safe: update it from the receive loop and report from the same actor.
/// </remarks>
public sealed class RtpReceiveStatistics
{
    /// <summary>A forward jump below this many packets is loss, not a restart (A.1).</summary>
    public const int MaxDropout = 3000;

    /// <summary>A backward step below this many packets is reordering or a duplicate (A.1).</summary>
    public const int MaxMisorder = 100;

    /// <summary>Sequential packets needed before a new source is believed (A.1).</summary>
    public const int MinSequential = 2;

    private const int SequenceModulus = 1 << 16;

    /// <summary>Packets behind the highest one whose arrival the duplicate window remembers; more than MaxMisorder.</summary>
    private const int SeenWindow = 128;

    private readonly TimeProvider _timeProvider;
    private bool _seenAny;
    private ushort _maxSequence;
    private uint _cycles;
    private uint _baseSequence;
    private uint _badSequence;
    private int _probation;
    private long _received;
    private long _duplicates;
    private long _beforeBase;

    // Bit i set: the packet i behind the highest sequence was counted (bit 0 is the highest itself).
    private UInt128 _seen;
    private long _expectedPrior;
    private long _receivedPrior;
    private bool _hasTransit;
    private long _transit;
    private double _jitter;
    private uint _lastSenderReport;
    private long _lastSenderReportArrival;

    /// <summary>Creates statistics for <paramref name="ssrc"/>; <paramref name="timeProvider"/> times DLSR.</summary>
    public RtpReceiveStatistics(uint ssrc, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        Ssrc = ssrc;
        _timeProvider = timeProvider;
    }

    /// <summary>The source being measured.</summary>
    public uint Ssrc { get; }

    /// <summary>True once the source passed probation.</summary>
    public bool IsValid => _seenAny && _probation == 0;

    /// <summary>Packets counted since the source was (re)initialised, duplicates included (A.1).</summary>
    public long PacketsReceived => _received;

    /// <summary>Payload octets of the counted packets.</summary>
    public long OctetsReceived { get; private set; }

    /// <summary>Sequence wrap-arounds, shifted into the high 16 bits as in the RFC.</summary>
    public uint Cycles => _cycles;

    /// <summary>Highest sequence number seen, extended with the cycle count.</summary>
    public uint ExtendedHighestSequence => _cycles + _maxSequence;

    /// <summary>Packets expected from the base sequence to the highest one (A.3).</summary>
    public long ExpectedPackets => IsValid ? (long)ExtendedHighestSequence - _baseSequence + 1 : 0;

    /// <summary>
    /// Expected minus received as RFC 3550 A.3 defines it for the report block: duplicates count as received, so
    /// it is negative when a sender repeats packets. For what the call lost, read <see cref="PacketsLost"/>.
    /// </summary>
    public long CumulativeLost => ExpectedPackets - _received;

    /// <summary>Packets counted by <see cref="PacketsReceived"/> whose sequence number had already arrived.</summary>
    public long Duplicates => _duplicates;

    /// <summary>
    /// Packets from the base to the highest sequence number that never arrived: <see cref="ExpectedPackets"/> minus
    /// the distinct packets received in that range. Never negative; this is the per-call quality figure.
    /// </summary>
    public long PacketsLost => Math.Max(0, ExpectedPackets - (_received - _duplicates - _beforeBase));

    /// <summary>Interarrival jitter estimate in timestamp units (A.8).</summary>
    public double Jitter => _jitter;

    /// <summary>
    /// Accounts for one RTP packet. <paramref name="arrivalTime"/> is the arrival instant in the same
    /// clock (and units) as the RTP timestamps, e.g. the media clock in samples.
    /// </summary>
    public RtpSequenceStatus Update(ushort sequence, uint rtpTimestamp, uint arrivalTime, int payloadLength)
    {
        var status = UpdateSequence(sequence);
        if (status != RtpSequenceStatus.Accepted)
        {
            return status;
        }

        OctetsReceived += payloadLength;
        UpdateJitter(rtpTimestamp, arrivalTime);
        return status;
    }

    /// <summary>Remembers an SR from this source so the next report block carries LSR and DLSR (§6.4.1).</summary>
    public void OnSenderReport(NtpTimestamp senderNtpTime)
    {
        _lastSenderReport = senderNtpTime.Middle32;
        _lastSenderReportArrival = _timeProvider.GetTimestamp();
    }

    /// <summary>
    /// Builds the report block for this source and starts a new reporting interval, so the next
    /// fraction lost covers only what follows (A.3).
    /// </summary>
    public RtcpReportBlock CreateReportBlock()
    {
        var expected = ExpectedPackets;
        var expectedInterval = expected - _expectedPrior;
        var receivedInterval = _received - _receivedPrior;
        _expectedPrior = expected;
        _receivedPrior = _received;
        var lostInterval = expectedInterval - receivedInterval;
        var fraction = expectedInterval == 0 || lostInterval <= 0 ? 0 : (byte)((lostInterval << 8) / expectedInterval);
        var cumulative = (int)Math.Clamp(CumulativeLost, RtcpReportBlock.MinCumulativeLost, RtcpReportBlock.MaxCumulativeLost);
        var delay = _lastSenderReport == 0
            ? 0
            : NtpTimestamp.ToShortUnits(_timeProvider.GetElapsedTime(_lastSenderReportArrival));
        return new RtcpReportBlock(Ssrc, (byte)fraction, cumulative, ExtendedHighestSequence, (uint)_jitter, _lastSenderReport, delay);
    }

    private RtpSequenceStatus UpdateSequence(ushort sequence)
    {
        if (!_seenAny)
        {
            // A.1: a new source starts on probation, as if the previous number was seq - 1.
            _seenAny = true;
            InitSequence(sequence);
            _maxSequence = (ushort)(sequence - 1);
            _probation = MinSequential;
        }

        var delta = (ushort)(sequence - _maxSequence);
        if (_probation > 0)
        {
            if (sequence == (ushort)(_maxSequence + 1))
            {
                _probation--;
                _maxSequence = sequence;
                if (_probation == 0)
                {
                    InitSequence(sequence);
                    _received++;
                    return RtpSequenceStatus.Accepted;
                }
            }
            else
            {
                _probation = MinSequential - 1;
                _maxSequence = sequence;
            }

            return RtpSequenceStatus.Probation;
        }

        if (delta < MaxDropout)
        {
            // In order, with a permissible gap; a smaller number means the 16 bits wrapped.
            if (delta == 0)
            {
                // The highest packet again.
                CountDuplicateOrLate(0);
                return RtpSequenceStatus.Accepted;
            }

            if (sequence < _maxSequence)
            {
                _cycles += SequenceModulus;
            }

            _maxSequence = sequence;
            _seen = delta >= SeenWindow ? UInt128.One : (_seen << delta) | UInt128.One;
        }
        else if (delta <= SequenceModulus - MaxMisorder)
        {
            // A very large jump: believe it only if the next packet follows it (the source restarted).
            if (sequence != _badSequence)
            {
                _badSequence = (uint)((sequence + 1) & (SequenceModulus - 1));
                return RtpSequenceStatus.BadSequence;
            }

            InitSequence(sequence);
        }
        else
        {
            // A duplicate or a reordered packet, at most MaxMisorder behind.
            CountDuplicateOrLate((ushort)(_maxSequence - sequence));
            return RtpSequenceStatus.Accepted;
        }

        _received++;
        return RtpSequenceStatus.Accepted;
    }

    /// <summary>
    /// A packet <paramref name="behind"/> the highest one: counted as received, as A.1 does (which is why the RFC's
    /// loss can go negative), and also sorted for <see cref="PacketsLost"/>: a repeat, a packet from before the
    /// base, or a late one filling a gap.
    /// </summary>
    private void CountDuplicateOrLate(int behind)
    {
        _received++;
        var bit = UInt128.One << behind;
        if ((_seen & bit) != UInt128.Zero)
        {
            _duplicates++;
            return;
        }

        _seen |= bit;
        if ((long)ExtendedHighestSequence - behind < _baseSequence)
        {
            _beforeBase++;
        }
    }

    private void InitSequence(ushort sequence)
    {
        _baseSequence = sequence;
        _maxSequence = sequence;
        _badSequence = SequenceModulus + 1;
        _cycles = 0;
        _received = 0;
        _duplicates = 0;
        _beforeBase = 0;
        _seen = UInt128.One;
        _receivedPrior = 0;
        _expectedPrior = 0;
        OctetsReceived = 0;
        _hasTransit = false;
    }

    private void UpdateJitter(uint rtpTimestamp, uint arrivalTime)
    {
        // A.8: D = (Rj - Ri) - (Sj - Si), J += (|D| - J) / 16. 32-bit differences keep wrap-around harmless.
        var transit = (long)(int)(arrivalTime - rtpTimestamp);
        if (_hasTransit)
        {
            var difference = Math.Abs((long)(int)(transit - _transit));
            _jitter += (difference - _jitter) / 16.0;
        }

        _transit = transit;
        _hasTransit = true;
    }
}
