namespace Softswitch.Media.Rtp;

/// <summary>
/// Reception statistics of one remote source: sequence validation (RFC 3550 Appendix A.1), loss
/// (A.3), interarrival jitter (A.8) and counts, turned into a report block for SR/RR (§6.4.1).
/// </summary>
/// <remarks>Not thread-safe: update it from the receive loop and report from the same actor.</remarks>
public sealed class RtpReceiveStatistics
{
    /// <summary>A forward jump below this many packets is loss, not a restart (A.1).</summary>
    public const int MaxDropout = 3000;

    /// <summary>A backward step below this many packets is reordering or a duplicate (A.1).</summary>
    public const int MaxMisorder = 100;

    /// <summary>Sequential packets needed before a new source is believed (A.1).</summary>
    public const int MinSequential = 2;

    private const int SequenceModulus = 1 << 16;

    private readonly TimeProvider _timeProvider;
    private bool _seenAny;
    private ushort _maxSequence;
    private uint _cycles;
    private uint _baseSequence;
    private uint _badSequence;
    private int _probation;
    private long _received;
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

    /// <summary>Expected minus received; negative when duplicates arrived (A.3).</summary>
    public long CumulativeLost => ExpectedPackets - _received;

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
            if (sequence < _maxSequence)
            {
                _cycles += SequenceModulus;
            }

            _maxSequence = sequence;
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

        // Otherwise a duplicate or a reordered packet: counted, which is why loss can go negative.
        _received++;
        return RtpSequenceStatus.Accepted;
    }

    private void InitSequence(ushort sequence)
    {
        _baseSequence = sequence;
        _maxSequence = sequence;
        _badSequence = SequenceModulus + 1;
        _cycles = 0;
        _received = 0;
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
