using Softswitch.Media.Rtp;

namespace Softswitch.Media.Legs;

/// <summary>
/// One direction of a bridge whose legs speak different codecs: the source leg's audio is transcoded into frames
/// the target leg sends as its own generated stream. Telephone-event is not passed on (its timestamps belong to
/// the source's stream, not to the frames we make); the digits are on the source leg's <see cref="MediaLeg.Digits"/>.
/// </summary>
internal sealed class BridgeTranscode : IMediaLegConsumer, IDisposable
{
    // The receive loop transcodes while the bridge may be closing on another thread: never free Opus mid-call.
    private readonly Lock _gate = new();
    private readonly MediaLeg _target;
    private readonly AudioTranscoder _transcoder;
    private readonly byte _sourceAudio;
    private bool _disposed;

    public BridgeTranscode(MediaLeg source, MediaLeg target)
    {
        _target = target;
        _sourceAudio = (byte)source.Codec.PayloadType;
        _transcoder = new AudioTranscoder(source.Codec, target.Codec);
    }

    public void OnPacket(in RtpHeader header, ReadOnlySpan<byte> packet, int payloadOffset)
    {
        if (header.PayloadType != _sourceAudio)
        {
            return;
        }

        lock (_gate)
        {
            if (!_disposed)
            {
                _transcoder.Transcode(packet.Slice(payloadOffset, header.PayloadLength), header.Marker, _target);
            }
        }
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
            _transcoder.Dispose();
        }
    }
}
