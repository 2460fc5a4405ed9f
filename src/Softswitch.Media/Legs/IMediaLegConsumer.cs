using Softswitch.Media.Rtp;

namespace Softswitch.Media.Legs;

/// <summary>
/// What a leg does with the RTP it receives: echo it, bridge it to another leg, or nothing (while a prompt plays).
/// Called on the leg's receive loop with a span that is reused afterwards, only for the negotiated audio and
/// telephone-event payload types, after the leg has counted the packet for RTCP and read its DTMF.
/// Copy what you keep; never block.
/// </summary>
public interface IMediaLegConsumer
{
    /// <param name="header">The parsed RTP header.</param>
    /// <param name="packet">The whole datagram (header and payload).</param>
    /// <param name="payloadOffset">Where the payload starts in <paramref name="packet"/>; its length is <see cref="RtpHeader.PayloadLength"/>.</param>
    void OnPacket(in RtpHeader header, ReadOnlySpan<byte> packet, int payloadOffset);
}
