using System.Runtime.InteropServices;

namespace Softswitch.Media.Codecs;

/// <summary>
/// Opus (RFC 6716, RTP payload per RFC 7587) through libopus: 48 kHz, mono or stereo, encoder tuned for VoIP with
/// optional in-band FEC, decoder with packet loss concealment. Holds native state: one instance per stream, not
/// thread-safe, dispose when the stream ends. Check <see cref="OpusLibrary.IsAvailable"/> before constructing.
/// </summary>
public sealed class OpusCodec : IAudioCodec
{
    /// <summary>Largest Opus frame: 120 ms at 48 kHz, per channel.</summary>
    public const int MaxFrameSamples = 5760;

    private readonly OpusEncoderHandle _encoder;
    private readonly OpusDecoderHandle _decoder;

    /// <summary>Creates an encoder and a decoder.</summary>
    /// <param name="channels">1 (mono) or 2 (stereo) for both directions.</param>
    /// <param name="bitrate">Target bits per second (6000..510000).</param>
    /// <param name="forwardErrorCorrection">Embed low-bitrate redundancy of the previous frame (LBRR) for <see cref="DecodeFec"/>.</param>
    /// <param name="expectedPacketLossPercent">Loss the encoder plans for; FEC is only emitted when this is above 0.</param>
    /// <param name="complexity">0..10; lower costs less CPU per call.</param>
    public OpusCodec(int channels = 1, int bitrate = 32000, bool forwardErrorCorrection = true, int expectedPacketLossPercent = 10, int complexity = 5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channels, 2);
        if (!OpusLibrary.IsAvailable)
        {
            throw new InvalidOperationException($"{OpusNative.LibraryName} cannot be loaded (install the libopus0 package); check OpusLibrary.IsAvailable first.");
        }

        Channels = channels;
        Bitrate = bitrate;
        ForwardErrorCorrection = forwardErrorCorrection;

        _encoder = OpusNative.EncoderCreate(SampleRate, channels, OpusNative.ApplicationVoip, out int error);
        ThrowOnError(error, "opus_encoder_create");
        _decoder = OpusNative.DecoderCreate(SampleRate, channels, out error);
        if (error != OpusNative.Ok)
        {
            _encoder.Dispose();
            ThrowOnError(error, "opus_decoder_create");
        }

        Configure(OpusNative.SetBitrateRequest, bitrate);
        Configure(OpusNative.SetComplexityRequest, complexity);
        Configure(OpusNative.SetSignalRequest, OpusNative.SignalVoice);
        Configure(OpusNative.SetInbandFecRequest, forwardErrorCorrection ? 1 : 0);
        Configure(OpusNative.SetPacketLossPercentRequest, expectedPacketLossPercent);
    }

    /// <inheritdoc />
    public string Name => "opus";

    /// <inheritdoc />
    public int ClockRate => 48000;

    /// <inheritdoc />
    public int SampleRate => 48000;

    /// <inheritdoc />
    public int Channels { get; }

    /// <inheritdoc />
    public int FrameSamples => 960;

    /// <inheritdoc />
    public int MaxPayloadBytes => 1275;

    /// <inheritdoc />
    public bool SupportsConcealment => true;

    /// <summary>Target bitrate given at construction.</summary>
    public int Bitrate { get; }

    /// <summary>Whether the encoder embeds in-band FEC.</summary>
    public bool ForwardErrorCorrection { get; }

    /// <inheritdoc />
    /// <remarks><paramref name="pcm"/> must hold 2.5, 5, 10, 20, 40 or 60 ms of interleaved audio; otherwise -1 (OPUS_BAD_ARG).</remarks>
    public int Encode(ReadOnlySpan<short> pcm, Span<byte> payload)
    {
        if (pcm.IsEmpty || payload.IsEmpty || pcm.Length % Channels != 0)
        {
            return -1;
        }

        return OpusNative.Encode(
            _encoder,
            ref MemoryMarshal.GetReference(pcm),
            pcm.Length / Channels,
            ref MemoryMarshal.GetReference(payload),
            payload.Length);
    }

    /// <inheritdoc />
    /// <remarks><paramref name="pcm"/> must have room for the packet's duration (up to <see cref="MaxFrameSamples"/> per channel).</remarks>
    public int Decode(ReadOnlySpan<byte> payload, Span<short> pcm) => DecodeCore(payload, pcm, decodeFec: 0);

    /// <summary>
    /// Recovers a lost frame from the FEC data carried in the packet that followed it. <paramref name="pcm"/>.Length
    /// sets the duration to recover (normally one 20 ms frame); falls back to concealment when no FEC is present.
    /// </summary>
    /// <returns>Samples written per channel, negative on a corrupt payload.</returns>
    public int DecodeFec(ReadOnlySpan<byte> nextPayload, Span<short> pcm) => DecodeCore(nextPayload, pcm, decodeFec: 1);

    /// <inheritdoc />
    public int Conceal(Span<short> pcm)
    {
        if (pcm.Length < Channels)
        {
            return -1;
        }

        return OpusNative.DecodeMissing(_decoder, IntPtr.Zero, 0, ref MemoryMarshal.GetReference(pcm), pcm.Length / Channels, 0);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _encoder.Dispose();
        _decoder.Dispose();
    }

    private int DecodeCore(ReadOnlySpan<byte> payload, Span<short> pcm, int decodeFec)
    {
        if (payload.IsEmpty || pcm.Length < Channels)
        {
            return -1;
        }

        int frameSize = Math.Min(pcm.Length / Channels, MaxFrameSamples);
        return OpusNative.Decode(_decoder, ref MemoryMarshal.GetReference(payload), payload.Length, ref MemoryMarshal.GetReference(pcm), frameSize, decodeFec);
    }

    private void Configure(int request, int value)
    {
        int result = OpusNative.EncoderCtl(_encoder, request, value);
        if (result != OpusNative.Ok)
        {
            Dispose();
            ThrowOnError(result, $"opus_encoder_ctl({request}, {value})");
        }
    }

    private static void ThrowOnError(int error, string call)
    {
        if (error != OpusNative.Ok)
        {
            throw new ArgumentException($"{call} failed with Opus error {error}.");
        }
    }
}
