using Microsoft.Extensions.Logging;
using Softswitch.Media.Audio;
using Softswitch.Media.Codecs;
using Softswitch.Media.Dtmf;
using Softswitch.Media.Rtp;

namespace Softswitch.Media.Legs;

/// <summary>
/// The digits of one leg: RFC 4733 packets, tones found in the received audio, and SIP INFO, merged into one
/// <see cref="DtmfEventStream"/>. Audio is decoded with the leg's own decoder (Opus to 48 kHz, then down to the
/// detector's 8 kHz). Used on the leg's receive loop only; buffers are sized once so nothing is allocated per packet.
/// </summary>
internal sealed class MediaLegDigits : IDisposable
{
    private readonly TelephoneEventReceiver? _telephoneEvents;
    private readonly IAudioCodec? _decoder;
    private readonly Resampler? _toDetectorRate;
    private readonly InBandDtmfDetector? _inBand;
    private readonly short[] _decoded = [];
    private readonly short[] _narrowband = [];

    public MediaLegDigits(MediaLegOptions options, TimeProvider time, ILoggerFactory loggers)
    {
        Stream = new DtmfEventStream(time, logger: loggers.CreateLogger<DtmfEventStream>());
        if (options.TelephoneEventPayloadType is { } payloadType)
        {
            _telephoneEvents = new TelephoneEventReceiver((byte)payloadType, time, options.TelephoneEventClockRate,
                logger: loggers.CreateLogger<TelephoneEventReceiver>());
            Stream.Attach(_telephoneEvents);
        }

        if (!options.DetectInBandDtmf || AudioCodecs.Create(options.Codec) is not { } decoder)
        {
            return;
        }

        if (decoder.Channels != 1)
        {
            decoder.Dispose();
            return;
        }

        _decoder = decoder;
        // The longest packet worth scanning: 120 ms of Opus, or 128 ms of an 8 kHz codec (longer G.711 packets fail to
        // decode into it and are skipped). An 8 kHz codec decodes on the stack, so a G.711 call keeps no buffer; an
        // Opus call keeps 11 KB, too much to clear on the stack for every packet.
        if (decoder.SampleRate != InBandDtmfDetector.SampleRate)
        {
            _decoded = new short[OpusCodec.MaxFrameSamples];
            _toDetectorRate = new Resampler(decoder.SampleRate, InBandDtmfDetector.SampleRate);
            _narrowband = new short[(int)((long)_decoded.Length * InBandDtmfDetector.SampleRate / decoder.SampleRate) + 2];
        }

        _inBand = new InBandDtmfDetector(timeProvider: time, logger: loggers.CreateLogger<InBandDtmfDetector>());
        Stream.Attach(_inBand);
    }

    private const int MaxNarrowbandSamples = 1024;

    public DtmfEventStream Stream { get; }

    /// <summary>Whether in-band detection runs (a decoder exists for the codec and it was asked for).</summary>
    public bool DetectsInBand => _inBand is not null;

    /// <summary>The RFC 4733 receiver; null when the leg negotiated no telephone-event.</summary>
    public TelephoneEventReceiver? TelephoneEvents => _telephoneEvents;

    public bool IsTelephoneEvent(byte payloadType) => _telephoneEvents?.PayloadType == payloadType;

    public void OnTelephoneEvent(in RtpHeader header, ReadOnlySpan<byte> payload) =>
        _telephoneEvents?.Receive(header.PayloadType, header.SequenceNumber, header.Timestamp, header.Marker, payload);

    public void OnAudio(ReadOnlySpan<byte> payload)
    {
        if (_inBand is null || payload.IsEmpty)
        {
            return;
        }

        Span<short> decoded = _toDetectorRate is null ? stackalloc short[MaxNarrowbandSamples] : _decoded;
        var samples = _decoder!.Decode(payload, decoded);
        if (samples <= 0)
        {
            return;
        }

        if (_toDetectorRate is null)
        {
            _inBand.Process(decoded[..samples]);
            return;
        }

        var narrow = _toDetectorRate.Process(decoded[..samples], _narrowband);
        _inBand.Process(_narrowband.AsSpan(0, narrow));
    }

    public bool OnSipInfo(string? contentType, ReadOnlySpan<byte> body) => Stream.PublishSipInfo(contentType, body);

    /// <summary>Reports a tone still sounding, stops the lost-end timer, completes the stream and frees the decoder.</summary>
    public void Dispose()
    {
        _inBand?.Flush();
        _telephoneEvents?.Dispose();
        Stream.Dispose();
        _decoder?.Dispose();
    }
}
