namespace Softswitch.Media.Legs;

/// <summary>
/// Sees a leg's audio in both directions, in the leg's codec: what the far end sent us and what we sent it
/// (relayed, echoed, transcoded or played). The recorder is one. <see cref="OnReceived"/> runs on the leg's RTP
/// receive loop; <see cref="OnSent"/> on whatever feeds the leg (the media clock, another leg's receive loop) under
/// the leg's send lock, so the two may run at the same time. Spans are reused afterwards: copy, queue and return,
/// never block. Telephone-event packets are not shown.
/// </summary>
public interface IMediaLegTap
{
    /// <summary>An audio packet received from the far end (its own sequence and timestamp).</summary>
    void OnReceived(ushort sequence, uint timestamp, bool marker, ReadOnlySpan<byte> payload);

    /// <summary>An audio packet sent to the far end (our outgoing sequence and timestamp, after rewriting).</summary>
    void OnSent(ushort sequence, uint timestamp, bool marker, ReadOnlySpan<byte> payload);
}
