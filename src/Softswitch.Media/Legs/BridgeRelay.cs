using Softswitch.Media.Rtp;

namespace Softswitch.Media.Legs;

/// <summary>
/// One direction of a bridge whose legs speak the same codec: packets go to the other leg undecoded, with that
/// leg's payload types. Telephone-event follows when both legs negotiated it at the same clock rate; otherwise it
/// is dropped (the digits are still on the source leg's <see cref="MediaLeg.Digits"/>). Allocation-free.
/// </summary>
internal sealed class BridgeRelay : IMediaLegConsumer
{
    private readonly MediaLeg _target;
    private readonly byte _sourceAudio;
    private readonly byte _targetAudio;
    private readonly int _sourceEvent;
    private readonly int _targetEvent;

    public BridgeRelay(MediaLeg source, MediaLeg target)
    {
        _target = target;
        _sourceAudio = (byte)source.Codec.PayloadType;
        _targetAudio = (byte)target.Codec.PayloadType;
        var eventsMap = source.TelephoneEventPayloadType is not null && target.TelephoneEventPayloadType is not null
            && source.TelephoneEventClockRate == target.TelephoneEventClockRate;
        _sourceEvent = eventsMap ? source.TelephoneEventPayloadType!.Value : -1;
        _targetEvent = eventsMap ? target.TelephoneEventPayloadType!.Value : -1;
    }

    /// <summary>Whether telephone-event packets are passed on.</summary>
    public bool RelaysTelephoneEvents => _targetEvent >= 0;

    public void OnPacket(in RtpHeader header, ReadOnlySpan<byte> packet, int payloadOffset)
    {
        if (header.PayloadType == _sourceAudio)
        {
            _target.Relay(packet, _targetAudio);
        }
        else if (header.PayloadType == _sourceEvent)
        {
            _target.Relay(packet, (byte)_targetEvent);
        }
    }
}
