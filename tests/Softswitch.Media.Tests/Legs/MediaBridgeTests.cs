using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Media.Codecs;
using Softswitch.Media.Legs;
using Softswitch.Media.Rtp;
using Softswitch.Media.Sdp;
using Softswitch.Media.Tests.Audio;

namespace Softswitch.Media.Tests.Legs;

public class MediaBridgeTests
{
    private LegTestBed _bed = null!;

    [SetUp]
    public void SetUp() => _bed = new LegTestBed();

    [TearDown]
    public async Task TearDown() => await _bed.DisposeAsync();

    [Test]
    [Description("RFC 7667 §3.2.1.2: a relay passes payloads on and rewrites SSRC, sequence and timestamp into its own stream")]
    public async Task Same_codec_is_relayed_with_payload_bytes_unchanged_and_headers_rewritten()
    {
        var (phoneA, phoneB) = (_bed.Phone(), _bed.Phone());
        var a = _bed.Leg(LegTestBed.Pcmu, phoneA);
        var b = _bed.Leg(LegTestBed.Pcmu, phoneB);
        await using var bridge = MediaBridge.Connect(a, b, NullLoggerFactory.Instance);
        Assert.That(bridge.Transcodes, Is.False);

        var sent = new List<byte[]>();
        for (var i = 0; i < 5; i++)
        {
            sent.Add(phoneA.Send(a.LocalRtpEndPoint, 0, RandomPayload(160), 160, marker: i == 0));
        }

        var atB = await phoneB.ReceiveAsync(5);
        for (var i = 0; i < 5; i++)
        {
            Assert.That(atB[i].Payload, Is.EqualTo(sent[i][12..]), $"payload {i}");
            Assert.That(atB[i].Header.Ssrc, Is.EqualTo(b.OutputSsrc));
            Assert.That(atB[i].Header.PayloadType, Is.EqualTo(0));
            if (i > 0)
            {
                Assert.That(atB[i].Sequence, Is.EqualTo((ushort)(atB[i - 1].Sequence + 1)));
                Assert.That(atB[i].Timestamp, Is.EqualTo(atB[i - 1].Timestamp + 160));
            }
        }

        Assert.That(b.OutputSsrc, Is.Not.EqualTo(phoneA.Ssrc));

        var back = phoneB.Send(b.LocalRtpEndPoint, 0, RandomPayload(160), 160);
        var atA = await phoneA.ReceiveAsync();
        Assert.That(atA.Payload, Is.EqualTo(back[12..]));
        Assert.That(atA.Header.Ssrc, Is.EqualTo(a.OutputSsrc));
    }

    [Test]
    public async Task Same_codec_under_different_payload_type_numbers_is_relayed_with_the_other_legs_number()
    {
        var (phoneA, phoneB) = (_bed.Phone(), _bed.Phone());
        var a = _bed.Leg(LegTestBed.Opus, phoneA, detectInBand: false);
        var b = _bed.Leg(LegTestBed.Opus with { PayloadType = 109 }, phoneB, detectInBand: false);
        await using var bridge = MediaBridge.Connect(a, b, NullLoggerFactory.Instance);

        var sent = phoneA.Send(a.LocalRtpEndPoint, 111, RandomPayload(70), 960);
        var atB = await phoneB.ReceiveAsync();
        Assert.That(bridge.Transcodes, Is.False, "the same codec is never decoded");
        Assert.That(atB.Header.PayloadType, Is.EqualTo(109));
        Assert.That(atB.Payload, Is.EqualTo(sent[12..]));
    }

    [Test]
    [Description("RFC 4733 §2.1: the event payload is passed on under the payload type the other side negotiated")]
    public async Task Telephone_events_are_relayed_as_the_other_legs_payload_type()
    {
        var (phoneA, phoneB) = (_bed.Phone(), _bed.Phone());
        var a = _bed.Leg(LegTestBed.Pcmu, phoneA, telephoneEvent: 101);
        var b = _bed.Leg(LegTestBed.Pcmu, phoneB, telephoneEvent: 96);
        await using var bridge = MediaBridge.Connect(a, b, NullLoggerFactory.Instance);
        Assert.That(bridge.RelaysTelephoneEvents, Is.True);

        var start = phoneA.NextTimestamp;
        phoneA.SendEvent(a.LocalRtpEndPoint, 101, start, eventCode: 8, end: false, duration: 160, marker: true);
        phoneA.SendEvent(a.LocalRtpEndPoint, 101, start, eventCode: 8, end: true, duration: 320, marker: false);

        var atB = await phoneB.ReceiveAsync(2);
        Assert.That(atB.Select(p => p.Header.PayloadType), Is.All.EqualTo(96));
        Assert.That(atB[0].Payload, Is.EqualTo(new byte[] { 8, 10, 0, 160 }));
        Assert.That(atB[1].Payload, Is.EqualTo(new byte[] { 8, 0x80 | 10, 1, 64 }));
        Assert.That(atB[1].Timestamp, Is.EqualTo(atB[0].Timestamp), "one event keeps one timestamp");
        Assert.That(atB[0].Marker, Is.True);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var digit = await a.Digits.Reader.ReadAsync(timeout.Token);
        Assert.That(digit.Digit, Is.EqualTo(Softswitch.Media.Dtmf.DtmfDigit.Eight), "the digit is read on A as well");
    }

    [Test]
    public async Task Telephone_events_are_dropped_when_the_other_leg_did_not_negotiate_them()
    {
        var (phoneA, phoneB) = (_bed.Phone(), _bed.Phone());
        var a = _bed.Leg(LegTestBed.Pcmu, phoneA, telephoneEvent: 101);
        var b = _bed.Leg(LegTestBed.Pcmu, phoneB);
        await using var bridge = MediaBridge.Connect(a, b, NullLoggerFactory.Instance);
        Assert.That(bridge.RelaysTelephoneEvents, Is.False);

        phoneA.SendEvent(a.LocalRtpEndPoint, 101, phoneA.NextTimestamp, eventCode: 2, end: true, duration: 160, marker: true);
        var audio = phoneA.Send(a.LocalRtpEndPoint, 0, RandomPayload(160), 160);

        var first = await phoneB.ReceiveAsync();
        Assert.That(first.Header.PayloadType, Is.EqualTo(0));
        Assert.That(first.Payload, Is.EqualTo(audio[12..]));
    }

    [Test]
    [Description("RFC 4733 §2.3: event timestamps and durations count in the event's own clock")]
    public void Telephone_events_are_not_relayed_between_different_clock_rates()
    {
        var a = _bed.Leg(LegTestBed.Opus, _bed.Phone(), telephoneEvent: 101, telephoneEventClockRate: 48000, start: false);
        var b = _bed.Leg(LegTestBed.Opus, _bed.Phone(), telephoneEvent: 101, telephoneEventClockRate: 8000, start: false);
        var bridge = MediaBridge.Connect(a, b, NullLoggerFactory.Instance);
        Assert.That(bridge.Transcodes, Is.False);
        Assert.That(bridge.RelaysTelephoneEvents, Is.False);
        bridge.Disconnect();
    }

    [Test]
    public async Task PCMU_and_PCMA_are_transcoded_both_ways_within_G711_error()
    {
        var (phoneA, phoneB) = (_bed.Phone(), _bed.Phone());
        var a = _bed.Leg(LegTestBed.Pcmu, phoneA);
        var b = _bed.Leg(LegTestBed.Pcma, phoneB);
        await using var bridge = MediaBridge.Connect(a, b, NullLoggerFactory.Instance);
        Assert.That(bridge.Transcodes, Is.True);

        var tone = SignalMeasure.Sine(1000, 8000, 800, amplitude: 12000);
        SendTone(phoneA, a, PcmuCodec.Instance, tone);
        var atB = await phoneB.ReceiveAsync(5);
        Assert.That(atB.Select(p => p.Header.PayloadType), Is.All.EqualTo(8));
        Assert.That(atB.Select(p => p.Header.Ssrc), Is.All.EqualTo(b.OutputSsrc));
        Assert.That(atB.Select(p => p.Timestamp - atB[0].Timestamp), Is.EqualTo(new uint[] { 0, 160, 320, 480, 640 }));
        AssertWithinG711Error(Decode(PcmaCodec.Instance, atB), tone);

        SendTone(phoneB, b, PcmaCodec.Instance, tone);
        var atA = await phoneA.ReceiveAsync(5);
        Assert.That(atA.Select(p => p.Header.PayloadType), Is.All.EqualTo(0));
        AssertWithinG711Error(Decode(PcmuCodec.Instance, atA), tone);
    }

    [Test]
    public async Task Thirty_ms_packets_in_leave_as_20_ms_frames()
    {
        var (phoneA, phoneB) = (_bed.Phone(), _bed.Phone());
        var a = _bed.Leg(LegTestBed.Pcmu, phoneA);
        var b = _bed.Leg(LegTestBed.Pcma, phoneB);
        await using var bridge = MediaBridge.Connect(a, b, NullLoggerFactory.Instance);

        var payload = new byte[240];
        for (var i = 0; i < 3; i++)
        {
            PcmuCodec.Instance.Encode(SignalMeasure.Sine(500, 8000, 240), payload);
            phoneA.Send(a.LocalRtpEndPoint, 0, payload, 240);
        }

        var atB = await phoneB.ReceiveAsync(4);
        Assert.That(atB.Select(p => p.Payload.Length), Is.All.EqualTo(160));
        Assert.That(atB.Select(p => (ushort)(p.Sequence - atB[0].Sequence)), Is.EqualTo(new ushort[] { 0, 1, 2, 3 }));
        Assert.That(atB.Select(p => p.Timestamp - atB[0].Timestamp), Is.EqualTo(new uint[] { 0, 160, 320, 480 }));
        Assert.That(await phoneB.IsQuietAsync(TimeSpan.FromMilliseconds(200)), Is.True, "the last 10 ms wait for the next packet");
    }

    [Test]
    public async Task PCMU_and_Opus_are_transcoded_both_ways()
    {
        Assert.That(OpusLibrary.IsAvailable, Is.True, "libopus0 is installed on this machine");
        var (phoneA, phoneB) = (_bed.Phone(), _bed.Phone());
        var a = _bed.Leg(LegTestBed.Pcmu, phoneA);
        var b = _bed.Leg(LegTestBed.Opus, phoneB);
        await using var bridge = MediaBridge.Connect(a, b, NullLoggerFactory.Instance);
        Assert.That(bridge.Transcodes, Is.True);

        SendTone(phoneA, a, PcmuCodec.Instance, SignalMeasure.Sine(1000, 8000, 160 * 25, amplitude: 10000));
        var atB = await phoneB.ReceiveAsync(25);
        Assert.That(atB.Select(p => p.Header.PayloadType), Is.All.EqualTo(111));
        Assert.That(atB.Select(p => p.Timestamp - atB[0].Timestamp), Is.EqualTo(Enumerable.Range(0, 25).Select(i => (uint)(960 * i))));
        using var opus = new OpusCodec();
        var wideband = Decode(opus, atB);
        Assert.That(SignalMeasure.ToneAmplitude(wideband.AsSpan(wideband.Length - 4800), 1000, 48000), Is.EqualTo(10000).Within(20).Percent);

        var sent = SignalMeasure.Sine(800, 48000, 960 * 25, amplitude: 10000);
        var payload = new byte[opus.MaxPayloadBytes];
        for (var i = 0; i < 25; i++)
        {
            var written = opus.Encode(sent.AsSpan(960 * i, 960), payload);
            phoneB.Send(b.LocalRtpEndPoint, 111, payload.AsSpan(0, written), 960);
        }

        var atA = await phoneA.ReceiveAsync(25);
        Assert.That(atA.Select(p => p.Payload.Length), Is.All.EqualTo(160));
        var narrowband = Decode(PcmuCodec.Instance, atA);
        Assert.That(SignalMeasure.ToneAmplitude(narrowband.AsSpan(narrowband.Length - 800), 800, 8000), Is.EqualTo(10000).Within(20).Percent);
    }

    [Test]
    public async Task In_band_digits_are_still_read_on_a_bridged_PCMU_leg()
    {
        var (phoneA, phoneB) = (_bed.Phone(), _bed.Phone());
        var a = _bed.Leg(LegTestBed.Pcmu, phoneA);
        var b = _bed.Leg(LegTestBed.Pcmu, phoneB);
        await using var bridge = MediaBridge.Connect(a, b, NullLoggerFactory.Instance);

        var pcm = new Softswitch.Media.Tests.Dtmf.Support.ToneSignal().Digit(Softswitch.Media.Dtmf.DtmfDigit.Star, 100).Silence(100).ToPcm();
        SendTone(phoneA, a, PcmuCodec.Instance, pcm);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var digit = await a.Digits.Reader.ReadAsync(timeout.Token);
        Assert.That(digit.Digit, Is.EqualTo(Softswitch.Media.Dtmf.DtmfDigit.Star));
        Assert.That(await phoneB.ReceiveAsync(10), Has.Count.EqualTo(10), "the tones are relayed too");
    }

    [Test]
    public async Task Disconnect_clears_only_the_consumers_that_are_still_the_bridges()
    {
        var a = _bed.Leg(LegTestBed.Pcmu, _bed.Phone(), start: false);
        var b = _bed.Leg(LegTestBed.Pcmu, _bed.Phone(), start: false);
        var bridge = MediaBridge.Connect(a, b, NullLoggerFactory.Instance);
        Assert.That(a.Consumer, Is.Not.Null);
        Assert.That(b.Consumer, Is.Not.Null);
        var player = new RecordingConsumer();
        a.Consumer = player;

        await bridge.DisposeAsync();
        bridge.Disconnect();

        Assert.That(a.Consumer, Is.SameAs(player));
        Assert.That(b.Consumer, Is.Null);
    }

    [Test]
    public void A_bridge_between_codecs_we_cannot_transcode_is_refused()
    {
        var g729 = new MediaFormat(18, "G729", 8000);
        var a = _bed.Leg(LegTestBed.Pcmu, _bed.Phone(), start: false);
        var b = _bed.Leg(g729, _bed.Phone(), start: false);
        Assert.That(MediaBridge.CanConnect(a.Codec, b.Codec), Is.False);
        Assert.That(MediaBridge.CanConnect(g729, g729), Is.True, "relaying needs no codec");
        Assert.That(() => MediaBridge.Connect(a, b, NullLoggerFactory.Instance), Throws.TypeOf<NotSupportedException>());
        Assert.That(a.Consumer, Is.Null);
    }

    [Test]
    public void Relay_direction_allocates_nothing_per_packet()
    {
        var phoneB = _bed.Phone();
        var a = _bed.Leg(LegTestBed.Pcmu, _bed.Phone(), telephoneEvent: 101, start: false);
        var b = _bed.Leg(LegTestBed.Pcmu, phoneB, telephoneEvent: 96, start: false);
        using var bridge = new DisposeOnExit(MediaBridge.Connect(a, b, NullLoggerFactory.Instance));
        var consumer = a.Consumer!;
        var audio = TestPhone.Build(0, 1, 0, 42, RandomPayload(160));
        var dtmf = TestPhone.Build(101, 2, 0, 42, [1, 10, 0, 160]);
        RtpHeader.TryParse(audio, out var audioHeader, out var audioOffset);
        RtpHeader.TryParse(dtmf, out var dtmfHeader, out var dtmfOffset);

        consumer.OnPacket(audioHeader, audio, audioOffset);
        consumer.OnPacket(dtmfHeader, dtmf, dtmfOffset);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            consumer.OnPacket(audioHeader, audio, audioOffset);
        }

        for (var i = 0; i < 1_000; i++)
        {
            consumer.OnPacket(dtmfHeader, dtmf, dtmfOffset);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
        Assert.That(b.PacketsSent, Is.EqualTo(11_002));
    }

    [Test]
    public void Transcoding_direction_allocates_nothing_per_packet()
    {
        Assert.That(OpusLibrary.IsAvailable, Is.True, "libopus0 is installed on this machine");
        var a = _bed.Leg(LegTestBed.Pcmu, _bed.Phone(), start: false);
        var b = _bed.Leg(LegTestBed.Opus, _bed.Phone(), start: false);
        using var bridge = new DisposeOnExit(MediaBridge.Connect(a, b, NullLoggerFactory.Instance));
        var consumer = a.Consumer!;
        var payload = new byte[160];
        PcmuCodec.Instance.Encode(SignalMeasure.Sine(1000, 8000, 160), payload);
        var packet = TestPhone.Build(0, 1, 0, 42, payload);
        RtpHeader.TryParse(packet, out var header, out var offset);

        consumer.OnPacket(header, packet, offset);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 2_000; i++)
        {
            consumer.OnPacket(header, packet, offset);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
        Assert.That(b.PacketsSent, Is.EqualTo(2_001));
    }

    private static void SendTone(TestPhone phone, MediaLeg to, IAudioCodec codec, short[] pcm)
    {
        var payload = new byte[160];
        for (var offset = 0; offset + 160 <= pcm.Length; offset += 160)
        {
            codec.Encode(pcm.AsSpan(offset, 160), payload);
            phone.Send(to.LocalRtpEndPoint, (byte)to.Codec.PayloadType, payload, 160);
        }
    }

    private static short[] Decode(IAudioCodec codec, IEnumerable<ReceivedRtp> packets)
    {
        var pcm = new List<short>();
        var frame = new short[OpusCodec.MaxFrameSamples];
        foreach (var packet in packets)
        {
            var samples = codec.Decode(packet.Payload, frame);
            pcm.AddRange(frame.Take(samples));
        }

        return [.. pcm];
    }

    // µ-law then A-law: each step errs by at most half its quantisation interval (1/32 of the segment at 12000).
    private static void AssertWithinG711Error(short[] received, short[] sent)
    {
        Assert.That(received, Has.Length.EqualTo(sent.Length));
        var worst = received.Zip(sent, (r, s) => Math.Abs(r - s)).Max();
        Assert.That(worst, Is.LessThanOrEqualTo(12000 / 16), "sample error");
        Assert.That(SignalMeasure.ToneAmplitude(received, 1000, 8000), Is.EqualTo(12000).Within(2).Percent);
    }

    private static byte[] RandomPayload(int length)
    {
        var payload = new byte[length];
        Random.Shared.NextBytes(payload);
        return payload;
    }

    // Synchronous disposal for tests that call the consumer on the test thread.
    private sealed class DisposeOnExit(MediaBridge bridge) : IDisposable
    {
        public void Dispose() => bridge.Disconnect();
    }
}
