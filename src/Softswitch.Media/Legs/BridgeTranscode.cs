using Softswitch.Media.Dtmf;
using Softswitch.Media.Rtp;

namespace Softswitch.Media.Legs;

/// <summary>
/// One direction of a bridge whose legs speak different codecs: the source leg's audio is transcoded into frames
/// the target leg sends as its own generated stream. The source's RFC 4733 digits are not relayed (their
/// timestamps belong to the source's stream) but reproduced: as telephone-events in the target's stream when the
/// target negotiated them, else as tones in its audio (<see cref="BridgeDigits"/>). Transcoded audio is held back
/// while a digit is on. The digits are also on the source leg's <see cref="MediaLeg.Digits"/>.
/// </summary>
internal sealed class BridgeTranscode : IMediaLegConsumer, IMediaFrameOutput, IDisposable
{
    // The receive loop transcodes while the bridge may be closing on another thread, and a lost event end arrives
    // on the receiver's timer: one lock for the transcoder and the digits, and never free Opus mid-call.
    private readonly Lock _gate = new();
    private readonly MediaLeg _target;
    private readonly AudioTranscoder _transcoder;
    private readonly byte _sourceAudio;
    private readonly int _sourceEvent;
    private readonly TelephoneEventReceiver? _receiver;
    private readonly BridgeDigits? _digits;
    private bool _resumeWithMarker;
    private bool _disposed;

    public BridgeTranscode(MediaLeg source, MediaLeg target)
    {
        _target = target;
        _sourceAudio = (byte)source.Codec.PayloadType;
        _transcoder = new AudioTranscoder(source.Codec, target.Codec);
        _receiver = source.TelephoneEventReceiver;
        if (_receiver is null)
        {
            _sourceEvent = -1;
            return;
        }

        _sourceEvent = _receiver.PayloadType;
        _digits = target.TelephoneEventPayloadType is not null
            ? new BridgeTelephoneEvents(source, target, _transcoder.FrameClockUnits)
            : new BridgeDigitTones(source.TelephoneEventClockRate, _transcoder, target);
        _receiver.DigitStarted += OnDigitStarted;
        _receiver.DigitEnded += OnDigitEnded;
    }

    /// <summary>How the source's RFC 4733 digits reach the target: regenerated events, tones, or not at all.</summary>
    public BridgeDigitMode DigitMode => _digits switch
    {
        BridgeTelephoneEvents => BridgeDigitMode.TelephoneEvents,
        BridgeDigitTones => BridgeDigitMode.InBandTones,
        _ => BridgeDigitMode.None,
    };

    public void OnPacket(in RtpHeader header, ReadOnlySpan<byte> packet, int payloadOffset)
    {
        if (header.PayloadType == _sourceAudio)
        {
            lock (_gate)
            {
                if (!_disposed)
                {
                    _transcoder.Transcode(packet.Slice(payloadOffset, header.PayloadLength), header.Marker, this);
                }
            }
        }
        else if (header.PayloadType == _sourceEvent)
        {
            lock (_gate)
            {
                if (!_disposed)
                {
                    _digits!.OnPacket(header, packet.Slice(payloadOffset, header.PayloadLength));
                }
            }
        }
    }

    /// <summary>A transcoded frame: sent to the target unless a digit stands in for the audio (the frame is dropped).</summary>
    bool IMediaFrameOutput.SendFrame(ReadOnlySpan<byte> payload, int samples, bool marker)
    {
        if (_digits is { IsActive: true })
        {
            _resumeWithMarker = true;
            return false;
        }

        // After a gap (frames held back, or an event's span skipped) the audio is a new talkspurt (RFC 3551 §4.1).
        if (!_target.SendFrame(payload, samples, marker || _resumeWithMarker))
        {
            return false;
        }

        _resumeWithMarker = false;
        _digits?.OnAudioSent(samples);
        return true;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_receiver is not null)
            {
                _receiver.DigitStarted -= OnDigitStarted;
                _receiver.DigitEnded -= OnDigitEnded;
            }

            _transcoder.Dispose();
        }
    }

    private void OnDigitStarted(DtmfEvent started)
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _digits!.OnStarted(started);
                _resumeWithMarker |= _digits is BridgeTelephoneEvents;
            }
        }
    }

    private void OnDigitEnded(DtmfEvent ended)
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _digits!.OnEnded(ended);
            }
        }
    }
}
