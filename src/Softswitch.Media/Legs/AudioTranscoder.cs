using Softswitch.Media.Audio;
using Softswitch.Media.Codecs;
using Softswitch.Media.Sdp;

namespace Softswitch.Media.Legs;

/// <summary>
/// Converts one stream's RTP payloads from one codec to another: decode, resample when the rates differ, collect
/// the PCM in a small FIFO and encode whole 20 ms frames of the target codec, so 30 ms G.711 packets in become
/// 20 ms frames out. Owns its decoder and encoder (stateful Opus instances are never shared). A lost packet is
/// not concealed here: the output just runs on from the next packet. Nothing is allocated per packet after
/// construction. Not thread-safe: one per direction, fed from one receive loop.
/// </summary>
public sealed class AudioTranscoder : IDisposable
{
    private readonly IAudioCodec _decoder;
    private readonly IAudioCodec _encoder;
    private readonly Resampler? _resampler;
    private readonly short[] _decoded;
    private readonly short[] _resampled;
    private readonly short[] _fifo;
    private readonly byte[] _encoded;
    private readonly int _frameSamples;
    private readonly int _frameClockUnits;
    private int _buffered;
    private bool _pendingMarker;

    /// <summary>Creates a transcoder from <paramref name="source"/> payloads to <paramref name="target"/> frames.</summary>
    /// <exception cref="NotSupportedException">We have no codec for one of the formats (see <see cref="AudioCodecs.CanCreate"/>).</exception>
    public AudioTranscoder(MediaFormat source, MediaFormat target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        Source = source;
        Target = target;
        _decoder = AudioCodecs.Create(source) ?? throw new NotSupportedException($"No codec for {source}.");
        _encoder = AudioCodecs.Create(target) ?? Fail(_decoder, target);
        if (_decoder.Channels != 1 || _encoder.Channels != 1)
        {
            Dispose();
            throw new NotSupportedException("Only mono audio is transcoded.");
        }

        // Room for the longest packet a decoder returns (120 ms of Opus; G.711 packets beyond it never arrive).
        _decoded = new short[OpusCodec.MaxFrameSamples];
        var resampledLength = _decoded.Length;
        if (_decoder.SampleRate != _encoder.SampleRate)
        {
            _resampler = new Resampler(_decoder.SampleRate, _encoder.SampleRate);
            resampledLength = (int)((long)_decoded.Length * _encoder.SampleRate / _decoder.SampleRate) + 2;
        }

        _resampled = new short[resampledLength];
        _frameSamples = _encoder.FrameSamples;
        _frameClockUnits = (int)((long)_frameSamples * _encoder.ClockRate / _encoder.SampleRate);
        // What is left below one frame plus one whole packet's worth.
        _fifo = new short[_frameSamples + resampledLength];
        _encoded = new byte[_encoder.MaxPayloadBytes];
    }

    /// <summary>The format payloads arrive in.</summary>
    public MediaFormat Source { get; }

    /// <summary>The format frames leave in.</summary>
    public MediaFormat Target { get; }

    /// <summary>PCM samples of one output frame, at <see cref="TargetSampleRate"/>.</summary>
    public int FrameSamples => _frameSamples;

    /// <summary>RTP clock units of one output frame.</summary>
    public int FrameClockUnits => _frameClockUnits;

    /// <summary>Sample rate of the PCM the target's encoder takes (48000 for Opus, 8000 for G.711).</summary>
    public int TargetSampleRate => _encoder.SampleRate;

    /// <summary>Samples waiting for the next output frame (at the target's sample rate).</summary>
    public int BufferedSamples => _buffered;

    /// <summary>
    /// Transcodes one received payload and sends every whole target frame it completes to <paramref name="output"/>.
    /// A <paramref name="marker"/> (start of a talkspurt) is carried to the next frame sent.
    /// </summary>
    /// <returns>Frames sent; 0 for a corrupt payload or while the FIFO fills.</returns>
    public int Transcode(ReadOnlySpan<byte> payload, bool marker, IMediaFrameOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var decodedCount = payload.IsEmpty ? -1 : _decoder.Decode(payload, _decoded);
        if (decodedCount <= 0)
        {
            return 0;
        }

        _pendingMarker |= marker;
        ReadOnlySpan<short> pcm = _decoded.AsSpan(0, decodedCount);
        if (_resampler is not null)
        {
            var resampledCount = _resampler.Process(pcm, _resampled);
            pcm = _resampled.AsSpan(0, resampledCount);
        }

        if (_buffered + pcm.Length > _fifo.Length)
        {
            // Cannot happen with the sizes above; if it did, old audio is dropped rather than the stream stalling.
            _buffered = 0;
        }

        pcm.CopyTo(_fifo.AsSpan(_buffered));
        _buffered += pcm.Length;

        var frames = 0;
        var consumed = 0;
        while (_buffered - consumed >= _frameSamples)
        {
            var written = _encoder.Encode(_fifo.AsSpan(consumed, _frameSamples), _encoded);
            consumed += _frameSamples;
            if (written > 0 && output.SendFrame(_encoded.AsSpan(0, written), _frameClockUnits, _pendingMarker))
            {
                _pendingMarker = false;
                frames++;
            }
        }

        if (consumed > 0)
        {
            _fifo.AsSpan(consumed, _buffered - consumed).CopyTo(_fifo);
            _buffered -= consumed;
        }

        return frames;
    }

    /// <summary>
    /// Encodes one frame of generated PCM (a DTMF tone, the silence between two) with the target's encoder and sends
    /// it, between transcoded frames, so a stateful encoder sees one continuous signal. Buffered audio stays queued.
    /// </summary>
    /// <param name="frame">Exactly <see cref="FrameSamples"/> samples at <see cref="TargetSampleRate"/>.</param>
    /// <param name="marker">Starts a talkspurt.</param>
    /// <param name="output">Where the encoded frame goes.</param>
    /// <returns>False when the encoder failed or the output did not send it.</returns>
    public bool SendGenerated(ReadOnlySpan<short> frame, bool marker, IMediaFrameOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (frame.Length != _frameSamples)
        {
            throw new ArgumentException($"A generated frame has {_frameSamples} samples.", nameof(frame));
        }

        var written = _encoder.Encode(frame, _encoded);
        return written > 0 && output.SendFrame(_encoded.AsSpan(0, written), _frameClockUnits, marker);
    }

    /// <summary>Forgets buffered audio and the resampler's history (the source restarted).</summary>
    public void Reset()
    {
        _buffered = 0;
        _pendingMarker = false;
        _resampler?.Reset();
    }

    /// <summary>Frees the codec instances (native state for Opus).</summary>
    public void Dispose()
    {
        _decoder.Dispose();
        _encoder.Dispose();
    }

    private static IAudioCodec Fail(IAudioCodec decoder, MediaFormat target)
    {
        decoder.Dispose();
        throw new NotSupportedException($"No codec for {target}.");
    }
}
