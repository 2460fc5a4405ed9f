namespace Softswitch.Media.Rtp;

/// <summary>
/// Learns how many timestamp units one packet of a stream covers, from the timestamp step between consecutive
/// sequence numbers, so a <see cref="JitterBuffer"/> can tell a DTX silence (a step larger than a packet) from
/// ordinary packets of 30 or 60 ms.
/// </summary>
/// <remarks>
/// A step is believed when it is smaller than the current figure (a packet can never be shorter than the step to
/// the next one) or when two consecutive steps agree (a new ptime). A single large step is a silence, not a packet
/// size; steps above the longest packet a codec sends (120 ms, Opus) are never packet sizes.
/// </remarks>
internal struct JitterBufferPacketDuration
{
    private const int MaxPacketMilliseconds = 120;

    private readonly int _maxSamples;
    private bool _hasLast;
    private ushort _lastSequence;
    private uint _lastTimestamp;
    private int _candidate;

    public JitterBufferPacketDuration(int clockRate)
    {
        _maxSamples = clockRate * MaxPacketMilliseconds / 1000;
    }

    /// <summary>Timestamp units per packet, or 0 while not yet known.</summary>
    public int Samples { get; private set; }

    /// <summary>Forgets the stream (a restart or a new source).</summary>
    public void Reset()
    {
        _hasLast = false;
        _candidate = 0;
        Samples = 0;
    }

    /// <summary>Notes a packet as it is inserted.</summary>
    public void OnPacket(ushort sequence, uint timestamp)
    {
        if (_hasLast && sequence == (ushort)(_lastSequence + 1))
        {
            var step = (int)(timestamp - _lastTimestamp);
            if (step > 0 && step <= _maxSamples)
            {
                if (Samples == 0 ? step == _candidate : step < Samples || step == _candidate)
                {
                    Samples = step;
                }

                _candidate = step;
            }
        }

        _hasLast = true;
        _lastSequence = sequence;
        _lastTimestamp = timestamp;
    }
}
