namespace Softswitch.Media.Dtmf;

/// <summary>RTP header values for one telephone-event packet written by <see cref="TelephoneEventSequence"/>.</summary>
/// <param name="Timestamp">RTP timestamp: the event start, or the segment start for long events.</param>
/// <param name="Marker">RTP marker bit: set only on the first packet of the event.</param>
/// <param name="IsEnd">Whether the payload carries the E bit.</param>
/// <param name="Duration">The duration field written into the payload.</param>
/// <param name="SendOffset">When to send it, relative to the first packet.</param>
public readonly record struct TelephoneEventPacket(uint Timestamp, bool Marker, bool IsEnd, ushort Duration, TimeSpan SendOffset);
