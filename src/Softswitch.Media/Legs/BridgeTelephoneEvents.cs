using Softswitch.Media.Dtmf;

namespace Softswitch.Media.Legs;

/// <summary>
/// Regenerates the source's RFC 4733 events in the target leg's own stream (RFC 4733 §2.5.1): the event takes the
/// timestamp of the audio frame it starts in, its first packet has the marker, every longer duration the source
/// reports goes out as an update (re-timed to the target's telephone-event clock), and the end is sent
/// <see cref="TelephoneEventSequence.EndPacketCount"/> times with the E bit. The audio held back meanwhile leaves a
/// gap in the timestamp line as long as the event, rounded up to whole frames, so the audio after it lines up.
/// </summary>
/// <remarks>
/// <see cref="TelephoneEventSender"/> plans a digit whose length is known up front; here the length grows as the
/// source's key is held, so only its payload format and end-packet count are shared.
/// </remarks>
internal sealed class BridgeTelephoneEvents : BridgeDigits
{
    private const long SegmentLength = 0xFFFF;

    private readonly MediaLeg _target;
    private readonly int _eventClockRate;
    private readonly int _audioClockRate;
    private readonly uint _frameUnits;
    private readonly byte[] _payload = new byte[TelephoneEventPayload.Size];
    private DtmfDigit _digit;
    private uint _eventTimestamp;
    private bool _sentFirst;

    public BridgeTelephoneEvents(MediaLeg source, MediaLeg target, int frameClockUnits)
        : base(source.TelephoneEventClockRate)
    {
        _target = target;
        _eventClockRate = target.TelephoneEventClockRate;
        _audioClockRate = target.Codec.ClockRate;
        _frameUnits = (uint)Math.Max(1, frameClockUnits);
    }

    protected override void Begin(DtmfDigit digit, long sourceUnits)
    {
        _digit = digit;
        _eventTimestamp = _target.NextFrameTimestamp;
        _sentFirst = false;
        Send(sourceUnits, isEnd: false);
    }

    protected override void Continue(long sourceUnits) => Send(sourceUnits, isEnd: false);

    protected override void Finish(long sourceUnits)
    {
        for (var i = 0; i < TelephoneEventSequence.EndPacketCount; i++)
        {
            Send(sourceUnits, isEnd: true);
        }

        // The next audio frame starts where the event's last whole frame ends.
        var audioUnits = ToClock(sourceUnits, _audioClockRate);
        var frames = (audioUnits + _frameUnits - 1) / _frameUnits;
        var resume = _eventTimestamp + (uint)(frames * _frameUnits);
        var behind = (int)(resume - _target.NextFrameTimestamp);
        if (behind > 0)
        {
            _target.SkipFrameTime((uint)behind);
        }
    }

    private void Send(long sourceUnits, bool isEnd)
    {
        // A long event is cut into segments of 0xFFFF units, each stamped 0xFFFF later (RFC 4733 §2.5.1.3).
        var units = ToClock(sourceUnits, _eventClockRate);
        var segment = units == 0 ? 0 : (units - 1) / SegmentLength;
        var duration = (ushort)(units - (segment * SegmentLength));
        new TelephoneEventPayload((byte)_digit, isEnd, SourceVolume, duration).WriteTo(_payload);
        var timestamp = unchecked(_eventTimestamp + (uint)(segment * SegmentLength));
        _target.SendTelephoneEvent(_payload, timestamp, marker: !_sentFirst);
        _sentFirst = true;
    }
}
