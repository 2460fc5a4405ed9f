namespace Softswitch.Media.Legs;

/// <summary>
/// Sees a leg's audio in both directions, in the leg's codec: what the far end sent us and what we sent it
/// (relayed, echoed, transcoded or played). The recorder is one. Called on the RTP receive loop or the media
/// clock with spans that are reused afterwards: copy, queue and return. Telephone-event packets are not shown.
/// </summary>
public interface IMediaLegTap
{
    /// <summary>An audio packet received from the far end (its own sequence and timestamp).</summary>
    void OnReceived(ushort sequence, uint timestamp, bool marker, ReadOnlySpan<byte> payload);

    /// <summary>An audio packet sent to the far end (our outgoing sequence and timestamp, after rewriting).</summary>
    void OnSent(ushort sequence, uint timestamp, bool marker, ReadOnlySpan<byte> payload);
}
