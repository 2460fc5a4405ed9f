using Softswitch.Media.Rtp;

namespace Softswitch.Media.Legs;

/// <summary>
/// The echo test: every audio and telephone-event packet goes straight back to the leg it came from, undecoded,
/// in the leg's own outgoing stream (our SSRC, sequence and timestamp, RFC 3550 §8). Allocation-free.
/// </summary>
public sealed class EchoConsumer : IMediaLegConsumer
{
    private readonly MediaLeg _leg;

    /// <summary>Creates an echo for <paramref name="leg"/>; install it with <c>leg.Consumer = echo</c>.</summary>
    public EchoConsumer(MediaLeg leg)
    {
        ArgumentNullException.ThrowIfNull(leg);
        _leg = leg;
    }

    /// <inheritdoc />
    public void OnPacket(in RtpHeader header, ReadOnlySpan<byte> packet, int payloadOffset) => _leg.Relay(packet, header.PayloadType);
}
