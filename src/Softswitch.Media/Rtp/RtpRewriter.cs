using System.Buffers.Binary;

namespace Softswitch.Media.Rtp;

/// <summary>
/// Rewrites SSRC, sequence number and timestamp of relayed RTP packets in place so the far end sees
/// one continuous stream, whoever feeds it (RFC 3550 §8.2 / RFC 7667 §3.2.1.2 "media translator").
/// </summary>
/// <remarks>
/// Each source SSRC gets a sequence and a timestamp offset. The rule when the source changes
/// (a peer restarts, a transfer, the prompt player hands over to the other leg): new offsets are
/// chosen so the first packet of the new source goes out as <c>last sequence + 1</c> and
/// <c>last timestamp + one frame</c>, and with the marker bit set so the receiver's jitter buffer
/// resyncs. "One frame" is the timestamp step learned from the previous source's consecutive packets,
/// or the configured default until one was seen. Reordered packets of a source keep their order,
/// because the offsets are per source, not per packet. Not thread-safe: one rewriter per relay direction.
/// </remarks>
public sealed class RtpRewriter
{
    private readonly ushort _firstSequence;
    private readonly uint _firstTimestamp;
    private readonly uint _maxFrameSamples;
    private bool _hasSource;
    private bool _hasOutput;
    private uint _sourceSsrc;
    private ushort _sequenceOffset;
    private uint _timestampOffset;
    private ushort _lastInputSequence;
    private uint _lastInputTimestamp;
    private ushort _lastOutputSequence;
    private uint _lastOutputTimestamp;

    /// <summary>
    /// Creates a rewriter whose output stream uses <paramref name="outputSsrc"/> and starts at
    /// <paramref name="firstSequence"/> / <paramref name="firstTimestamp"/> (pick them at random, RFC 3550 §5.1).
    /// </summary>
    /// <param name="outputSsrc">SSRC written into every packet.</param>
    /// <param name="firstSequence">Sequence number of the first packet sent.</param>
    /// <param name="firstTimestamp">Timestamp of the first packet sent.</param>
    /// <param name="defaultFrameSamples">Timestamp step assumed before one was observed (160 = 20 ms at 8 kHz).</param>
    public RtpRewriter(uint outputSsrc, ushort firstSequence, uint firstTimestamp, uint defaultFrameSamples = 160)
    {
        ArgumentOutOfRangeException.ThrowIfZero(defaultFrameSamples);
        OutputSsrc = outputSsrc;
        _firstSequence = firstSequence;
        _firstTimestamp = firstTimestamp;
        FrameSamples = defaultFrameSamples;
        // A step above eight default frames between consecutive packets is silence or a jump, not a frame.
        _maxFrameSamples = defaultFrameSamples * 8;
    }

    /// <summary>SSRC of the stream the far end sees.</summary>
    public uint OutputSsrc { get; }

    /// <summary>Timestamp step of one packet, as last learned from the input.</summary>
    public uint FrameSamples { get; private set; }

    /// <summary>SSRC of the source currently being relayed, if any packet was seen.</summary>
    public uint? SourceSsrc => _hasSource ? _sourceSsrc : null;

    /// <summary>How many times the input source changed after the first one.</summary>
    public int SourceChanges { get; private set; }

    /// <summary>Sequence number of the newest packet written (valid once a packet was rewritten).</summary>
    public ushort LastSequence => _lastOutputSequence;

    /// <summary>Timestamp of the newest packet written (valid once a packet was rewritten).</summary>
    public uint LastTimestamp => _lastOutputTimestamp;

    /// <summary>
    /// Rewrites the RTP packet in <paramref name="packet"/>; false (packet untouched) when it is too short
    /// or not RTP version 2.
    /// </summary>
    public bool TryRewrite(Span<byte> packet)
    {
        if (packet.Length < RtpHeader.FixedLength || packet[0] >> 6 != RtpHeader.Version)
        {
            return false;
        }

        var sequence = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]);
        var timestamp = BinaryPrimitives.ReadUInt32BigEndian(packet[4..]);
        var ssrc = BinaryPrimitives.ReadUInt32BigEndian(packet[8..]);
        if (!_hasSource || ssrc != _sourceSsrc)
        {
            StartSource(ssrc, sequence, timestamp);
            packet[1] |= 0x80;
        }
        else
        {
            LearnFrameStep(sequence, timestamp, marker: (packet[1] & 0x80) != 0);
        }

        var outputSequence = (ushort)(sequence + _sequenceOffset);
        var outputTimestamp = timestamp + _timestampOffset;
        BinaryPrimitives.WriteUInt16BigEndian(packet[2..], outputSequence);
        BinaryPrimitives.WriteUInt32BigEndian(packet[4..], outputTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(packet[8..], OutputSsrc);
        if (!_hasOutput || (short)(outputSequence - _lastOutputSequence) > 0)
        {
            _lastOutputSequence = outputSequence;
            _lastOutputTimestamp = outputTimestamp;
            _hasOutput = true;
        }

        return true;
    }

    private void StartSource(uint ssrc, ushort sequence, uint timestamp)
    {
        if (_hasSource)
        {
            SourceChanges++;
        }

        var outputSequence = _hasOutput ? (ushort)(_lastOutputSequence + 1) : _firstSequence;
        var outputTimestamp = _hasOutput ? _lastOutputTimestamp + FrameSamples : _firstTimestamp;
        _sequenceOffset = (ushort)(outputSequence - sequence);
        _timestampOffset = outputTimestamp - timestamp;
        _sourceSsrc = ssrc;
        _hasSource = true;
        _lastInputSequence = sequence;
        _lastInputTimestamp = timestamp;
    }

    private void LearnFrameStep(ushort sequence, uint timestamp, bool marker)
    {
        var step = (short)(sequence - _lastInputSequence);
        if (step <= 0)
        {
            return;
        }

        // Only adjacent packets inside a talkspurt tell the frame size; a marker follows silence.
        var timestampStep = timestamp - _lastInputTimestamp;
        if (step == 1 && !marker && timestampStep > 0 && timestampStep <= _maxFrameSamples)
        {
            FrameSamples = timestampStep;
        }

        _lastInputSequence = sequence;
        _lastInputTimestamp = timestamp;
    }
}
