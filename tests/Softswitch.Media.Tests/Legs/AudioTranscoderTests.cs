using Softswitch.Media.Codecs;
using Softswitch.Media.Legs;
using Softswitch.Media.Sdp;
using Softswitch.Media.Tests.Audio;

namespace Softswitch.Media.Tests.Legs;

public class AudioTranscoderTests
{
    [Test]
    public void Thirty_ms_G711_packets_become_20_ms_frames()
    {
        using var transcoder = new AudioTranscoder(LegTestBed.Pcmu, LegTestBed.Pcma);
        var output = new RecordingFrameOutput();
        var pcm = SignalMeasure.Sine(440, 8000, 720, amplitude: 8000);
        var payload = new byte[240];
        var sent = 0;
        for (var packet = 0; packet < 3; packet++)
        {
            PcmuCodec.Instance.Encode(pcm.AsSpan(240 * packet, 240), payload);
            sent += transcoder.Transcode(payload, marker: packet == 0, output);
        }

        Assert.That(sent, Is.EqualTo(4));
        Assert.That(output.Frames.Select(f => f.Payload.Length), Is.All.EqualTo(160));
        Assert.That(output.Frames.Select(f => f.Samples), Is.All.EqualTo(160));
        Assert.That(output.Frames.Select(f => f.Marker), Is.EqualTo(new[] { true, false, false, false }), "the talkspurt's marker goes to its first frame");
        Assert.That(transcoder.BufferedSamples, Is.EqualTo(80));

        // The frames are the same audio, cut differently: µ-law decoded, A-law encoded.
        var expected = new short[720];
        var decoded = new short[640];
        var reencoded = new byte[160];
        for (var i = 0; i < 4; i++)
        {
            PcmaCodec.Instance.Decode(output.Frames[i].Payload, decoded.AsSpan(160 * i, 160));
        }

        for (var packet = 0; packet < 3; packet++)
        {
            PcmuCodec.Instance.Encode(pcm.AsSpan(240 * packet, 240), payload);
            PcmuCodec.Instance.Decode(payload, expected.AsSpan(240 * packet, 240));
        }

        for (var i = 0; i < 4; i++)
        {
            PcmaCodec.Instance.Encode(expected.AsSpan(160 * i, 160), reencoded);
            Assert.That(output.Frames[i].Payload, Is.EqualTo(reencoded), $"frame {i}");
        }
    }

    [Test]
    public void G711_at_8_kHz_becomes_Opus_at_48_kHz_one_frame_per_packet()
    {
        Assert.That(OpusLibrary.IsAvailable, Is.True, "libopus0 is installed on this machine");
        using var transcoder = new AudioTranscoder(LegTestBed.Pcmu, LegTestBed.Opus);
        var output = new RecordingFrameOutput();
        var pcm = SignalMeasure.Sine(1000, 8000, 160 * 25, amplitude: 10000);
        var payload = new byte[160];
        for (var packet = 0; packet < 25; packet++)
        {
            PcmuCodec.Instance.Encode(pcm.AsSpan(160 * packet, 160), payload);
            transcoder.Transcode(payload, marker: false, output);
        }

        Assert.That(output.Frames, Has.Count.EqualTo(25));
        Assert.That(output.Frames.Select(f => f.Samples), Is.All.EqualTo(960), "Opus frames advance the 48 kHz RTP clock");

        using var decoder = new OpusCodec();
        var decoded = new short[960];
        var tail = new List<short>();
        foreach (var frame in output.Frames)
        {
            var samples = decoder.Decode(frame.Payload, decoded);
            tail.AddRange(decoded.Take(samples));
        }

        var steady = tail.Skip(tail.Count - 4800).ToArray();
        Assert.That(SignalMeasure.ToneAmplitude(steady, 1000, 48000), Is.EqualTo(10000).Within(20).Percent);
    }

    [Test]
    public void An_empty_or_corrupt_payload_sends_nothing()
    {
        Assert.That(OpusLibrary.IsAvailable, Is.True, "libopus0 is installed on this machine");
        using var transcoder = new AudioTranscoder(LegTestBed.Opus, LegTestBed.Pcmu);
        var output = new RecordingFrameOutput();
        Assert.That(transcoder.Transcode([], marker: false, output), Is.Zero);
        // TOC code 3 with a frame count of 0 is invalid (RFC 6716 §3.2.5).
        Assert.That(transcoder.Transcode([0x03, 0x00], marker: false, output), Is.Zero);
        Assert.That(output.Frames, Is.Empty);
    }

    [Test]
    public void A_codec_we_do_not_have_is_refused()
    {
        var g729 = new MediaFormat(18, "G729", 8000);
        Assert.That(() => new AudioTranscoder(g729, LegTestBed.Pcmu), Throws.TypeOf<NotSupportedException>());
        Assert.That(() => new AudioTranscoder(LegTestBed.Pcmu, g729), Throws.TypeOf<NotSupportedException>());
    }

    [Test]
    public void Transcoding_allocates_nothing_per_packet()
    {
        Assert.That(OpusLibrary.IsAvailable, Is.True, "libopus0 is installed on this machine");
        using var toOpus = new AudioTranscoder(LegTestBed.Pcmu, LegTestBed.Opus);
        using var toPcma = new AudioTranscoder(LegTestBed.Pcmu, LegTestBed.Pcma);
        var output = new DiscardingFrameOutput();
        var payload = new byte[240];
        PcmuCodec.Instance.Encode(SignalMeasure.Sine(700, 8000, 240), payload);
        toOpus.Transcode(payload, marker: false, output);
        toPcma.Transcode(payload, marker: false, output);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 2_000; i++)
        {
            toOpus.Transcode(payload, marker: false, output);
            toPcma.Transcode(payload, marker: false, output);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
        Assert.That(output.Frames, Is.EqualTo(2 * (2_001 * 3 / 2)), "2,001 packets of 30 ms make 3,001 frames of 20 ms per direction");
    }

    private sealed class DiscardingFrameOutput : IMediaFrameOutput
    {
        public int Frames { get; private set; }

        public bool SendFrame(ReadOnlySpan<byte> payload, int samples, bool marker)
        {
            Frames++;
            return true;
        }
    }
}
