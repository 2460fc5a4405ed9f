namespace Softswitch.Media.Dtmf;

/// <summary>
/// The packets of one outgoing digit, pulled one by one. Events longer than 0xFFFF timestamp
/// units are split into segments (RFC 4733 §2.5.1.3): each segment but the last ends with a
/// packet reporting 0xFFFF without the E bit, and the next one is stamped 0xFFFF later.
/// </summary>
public sealed class TelephoneEventSequence
{
    /// <summary>Number of end packets (RFC 4733 §2.5.1.4 recommends three).</summary>
    public const int EndPacketCount = 3;

    private const long SegmentLength = 0xFFFF;

    private readonly DtmfDigit _digit;
    private readonly byte _volume;
    private readonly uint _startTimestamp;
    private readonly long _totalUnits;
    private readonly long _stepUnits;
    private readonly TimeSpan _interval;
    private long _reportedUnits;
    private long _segment;
    private int _packetsWritten;
    private int _endPacketsWritten;

    internal TelephoneEventSequence(DtmfDigit digit, byte volume, uint startTimestamp, long totalUnits, long stepUnits, TimeSpan interval)
    {
        _digit = digit;
        _volume = volume;
        _startTimestamp = startTimestamp;
        _totalUnits = totalUnits;
        _stepUnits = stepUnits;
        _interval = interval;
    }

    /// <summary>The digit being sent.</summary>
    public DtmfDigit Digit => _digit;

    /// <summary>True once the last end packet has been written.</summary>
    public bool IsComplete => _endPacketsWritten == EndPacketCount;

    /// <summary>
    /// Writes the next 4-byte payload into <paramref name="payload"/> and describes its RTP header.
    /// Returns false when the sequence is complete.
    /// </summary>
    public bool TryWriteNext(Span<byte> payload, out TelephoneEventPacket packet)
    {
        if (IsComplete)
        {
            packet = default;
            return false;
        }

        long reported;
        if (_reportedUnits == _totalUnits)
        {
            reported = _totalUnits; // repeating the end packet
        }
        else
        {
            reported = Math.Min(_reportedUnits + _stepUnits, _totalUnits);
            var segmentEnd = (_segment + 1) * SegmentLength;
            if (reported > segmentEnd && _reportedUnits < segmentEnd)
            {
                reported = segmentEnd; // close the full segment first
            }
        }

        var segment = (reported - 1) / SegmentLength;
        _segment = segment;
        var isEnd = reported == _totalUnits;
        var duration = (ushort)(reported - segment * SegmentLength);
        var timestamp = unchecked(_startTimestamp + (uint)(segment * SegmentLength));
        new TelephoneEventPayload((byte)_digit, isEnd, _volume, duration).WriteTo(payload);

        packet = new TelephoneEventPacket(timestamp, _packetsWritten == 0, isEnd, duration, _interval * _packetsWritten);
        _reportedUnits = reported;
        _packetsWritten++;
        if (isEnd)
        {
            _endPacketsWritten++;
        }
        return true;
    }
}
