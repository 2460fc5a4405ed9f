using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Media.Codecs;
using Softswitch.Media.Dtmf;
using Softswitch.Media.Legs;
using Softswitch.Media.Rtp;
using Softswitch.Media.Tests.Audio;
using Softswitch.Media.Tests.Dtmf.Support;

namespace Softswitch.Media.Tests.Legs;

/// <summary>RFC 4733 digits across a transcoding <see cref="MediaBridge"/>: regenerated events, or tones in the audio.</summary>
public class BridgeDigitsTests
{
    private const byte Pcmu = 0;
    private LegTestBed _bed = null!;

    [SetUp]
    public void SetUp() => _bed = new LegTestBed();

    [TearDown]
    public async Task TearDown() => await _bed.DisposeAsync();

    [Test]
    public async Task Each_direction_says_how_its_digits_pass()
    {
        await _bed.DisposeAsync();
        _bed = new LegTestBed(legs: 6);
        var relayed = MediaBridge.Connect(Leg(LegTestBed.Pcmu, 101), Leg(LegTestBed.Pcmu, 96), NullLoggerFactory.Instance);
        Assert.That((relayed.DigitsAToB, relayed.DigitsBToA), Is.EqualTo((BridgeDigitMode.Relayed, BridgeDigitMode.Relayed)));
        var regenerated = MediaBridge.Connect(Leg(LegTestBed.Pcmu, 101), Leg(LegTestBed.Pcma, 96), NullLoggerFactory.Instance);
        Assert.That((regenerated.DigitsAToB, regenerated.DigitsBToA),
            Is.EqualTo((BridgeDigitMode.TelephoneEvents, BridgeDigitMode.TelephoneEvents)));
        var tones = MediaBridge.Connect(Leg(LegTestBed.Pcmu, 101), Leg(LegTestBed.Pcma, null), NullLoggerFactory.Instance);
        Assert.That((tones.DigitsAToB, tones.DigitsBToA), Is.EqualTo((BridgeDigitMode.InBandTones, BridgeDigitMode.None)));
        relayed.Disconnect();
        regenerated.Disconnect();
        tones.Disconnect();
    }

    [Test]
    [Description("RFC 4733 §2.5.1.1-§2.5.1.4: marker on the first packet, growing durations, one timestamp, three end packets")]
    public async Task A_digit_from_PCMU_reaches_a_PCMA_leg_as_its_own_telephone_event()
    {
        var (phoneA, phoneB) = (_bed.Phone(), _bed.Phone());
        var a = _bed.Leg(LegTestBed.Pcmu, phoneA, telephoneEvent: 101);
        var b = _bed.Leg(LegTestBed.Pcma, phoneB, telephoneEvent: 96);
        await using var bridge = MediaBridge.Connect(a, b, NullLoggerFactory.Instance);

        SendSilence(phoneA, a, 3);
        var before = await phoneB.ReceiveAsync(3);
        SendPress(phoneA, a, eventCode: 5, [160, 320, 480], end: 800);
        SendSilence(phoneA, a, 2);
        var atB = await phoneB.ReceiveAsync(8);

        var events = atB.Take(6).ToList();
        Assert.That(events.Select(p => p.Header.PayloadType), Is.All.EqualTo(96));
        Assert.That(events.Select(p => p.Header.Ssrc), Is.All.EqualTo(b.OutputSsrc));
        Assert.That(events.Select(p => p.Marker), Is.EqualTo(new[] { true, false, false, false, false, false }));
        Assert.That(events.Select(Parse).Select(e => (e.EventCode, e.IsEnd, e.Duration)), Is.EqualTo(new[]
        {
            ((byte)5, false, (ushort)160), ((byte)5, false, (ushort)320), ((byte)5, false, (ushort)480),
            ((byte)5, true, (ushort)800), ((byte)5, true, (ushort)800), ((byte)5, true, (ushort)800),
        }));
        var eventTimestamp = before[2].Timestamp + 160;
        Assert.That(events.Select(p => p.Timestamp), Is.All.EqualTo(eventTimestamp), "the event starts at the next audio frame");

        var after = atB.Skip(6).ToList();
        Assert.That(after.Select(p => p.Header.PayloadType), Is.All.EqualTo(8));
        Assert.That(after.Select(p => p.Timestamp), Is.EqualTo(new[] { eventTimestamp + 800, eventTimestamp + 960 }));
        Assert.That(after.Select(p => p.Marker), Is.EqualTo(new[] { true, false }), "audio after the event's span is a new talkspurt");
        var all = before.Concat(atB).ToList();
        Assert.That(all.Select(p => (ushort)(p.Sequence - all[0].Sequence)), Is.EqualTo(Enumerable.Range(0, all.Count).Select(i => (ushort)i)));
        Assert.That(await phoneB.IsQuietAsync(TimeSpan.FromMilliseconds(100)), Is.True, "the source's extra end packets add none");

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        Assert.That((await a.Digits.Reader.ReadAsync(timeout.Token)).Digit, Is.EqualTo(DtmfDigit.Five), "A still reads the digit");
    }

    [Test]
    [Description("RFC 4733 §2.5.1.2: the event stands in for the audio of its span")]
    public async Task Audio_during_an_event_is_held_back_and_resumes_after_its_span_with_a_marker()
    {
        var (phoneA, phoneB) = (_bed.Phone(), _bed.Phone());
        var a = _bed.Leg(LegTestBed.Pcma, phoneA, telephoneEvent: 96);
        var b = _bed.Leg(LegTestBed.Pcmu, phoneB, telephoneEvent: 101);
        await using var bridge = MediaBridge.Connect(a, b, NullLoggerFactory.Instance);

        SendSilence(phoneA, a, 1);
        var first = await phoneB.ReceiveAsync();
        var start = phoneA.NextTimestamp;
        phoneA.SendEvent(a.LocalRtpEndPoint, 96, start, eventCode: 11, end: false, duration: 160, marker: true);
        SendSilence(phoneA, a, 2);
        phoneA.SendEvent(a.LocalRtpEndPoint, 96, start, eventCode: 11, end: false, duration: 480, marker: false);
        SendSilence(phoneA, a, 1);
        for (var i = 0; i < 3; i++)
        {
            phoneA.SendEvent(a.LocalRtpEndPoint, 96, start, eventCode: 11, end: true, duration: 560, marker: false);
        }

        SendSilence(phoneA, a, 2);
        var atB = await phoneB.ReceiveAsync(7);
        Assert.That(atB.Select(p => p.Header.PayloadType), Is.EqualTo(new[] { 101, 101, 101, 101, 101, 0, 0 }));
        Assert.That(atB.Take(5).Select(p => p.Timestamp), Is.All.EqualTo(first.Timestamp + 160));
        Assert.That(Parse(atB[4]).Duration, Is.EqualTo(560));
        Assert.That(atB[5].Timestamp, Is.EqualTo(first.Timestamp + 160 + 640), "560 units rounded up to whole 20 ms frames");
        Assert.That(atB[5].Marker, Is.True, "audio resumes as a new talkspurt");
        Assert.That(atB[6].Timestamp, Is.EqualTo(atB[5].Timestamp + 160));
        Assert.That(await phoneB.IsQuietAsync(TimeSpan.FromMilliseconds(100)), Is.True, "the three frames during the event were dropped");
    }

    [Test]
    [Description("RFC 4733 §2.5.2.2: an event whose end packets were all lost ends after a timeout; the far end still gets an end")]
    public async Task An_event_whose_end_was_lost_is_ended_on_the_other_leg_when_the_receiver_times_out()
    {
        var (phoneA, phoneB) = (_bed.Phone(), _bed.Phone());
        var a = _bed.Leg(LegTestBed.Pcmu, phoneA, telephoneEvent: 101);
        var b = _bed.Leg(LegTestBed.Pcma, phoneB, telephoneEvent: 96);
        await using var bridge = MediaBridge.Connect(a, b, NullLoggerFactory.Instance);

        var start = phoneA.NextTimestamp;
        phoneA.SendEvent(a.LocalRtpEndPoint, 101, start, eventCode: 0, end: false, duration: 160, marker: true);
        phoneA.SendEvent(a.LocalRtpEndPoint, 101, start, eventCode: 0, end: false, duration: 320, marker: false);
        var begun = await phoneB.ReceiveAsync(2);
        _bed.Time.Advance(TelephoneEventReceiver.DefaultEndTimeout + TimeSpan.FromMilliseconds(10));

        var ends = await phoneB.ReceiveAsync(3);
        Assert.That(ends.Select(Parse).Select(e => (e.IsEnd, e.Duration)), Is.All.EqualTo((true, (ushort)320)));
        Assert.That(ends.Select(p => p.Timestamp), Is.All.EqualTo(begun[0].Timestamp));
    }

    [Test]
    [Description("RFC 4733 §2.3: durations count in the event's own clock (8 kHz in, 48 kHz out)")]
    public async Task A_digit_reaches_an_Opus_leg_re_timed_to_its_48_kHz_telephone_event_clock()
    {
        Assert.That(OpusLibrary.IsAvailable, Is.True, "libopus0 is installed on this machine");
        var (phoneA, phoneB) = (_bed.Phone(), _bed.Phone());
        var a = _bed.Leg(LegTestBed.Pcmu, phoneA, telephoneEvent: 101);
        var b = _bed.Leg(LegTestBed.Opus, phoneB, telephoneEvent: 110, telephoneEventClockRate: 48000, detectInBand: false);
        await using var bridge = MediaBridge.Connect(a, b, NullLoggerFactory.Instance);

        SendSilence(phoneA, a, 1);
        var audio = await phoneB.ReceiveAsync();
        SendPress(phoneA, a, eventCode: 10, [160], end: 400);
        SendSilence(phoneA, a, 1);
        var atB = await phoneB.ReceiveAsync(5);

        Assert.That(atB.Take(4).Select(p => p.Header.PayloadType), Is.All.EqualTo(110));
        Assert.That(atB.Take(4).Select(p => Parse(p).Duration), Is.EqualTo(new ushort[] { 960, 2400, 2400, 2400 }));
        Assert.That(atB.Take(4).Select(p => p.Timestamp), Is.All.EqualTo(audio.Timestamp + 960));
        Assert.That(atB[4].Header.PayloadType, Is.EqualTo(111));
        Assert.That(atB[4].Timestamp, Is.EqualTo(audio.Timestamp + 960 + 2880), "50 ms rounded up to three 20 ms frames");
    }

    [Test]
    [Description("ITU-T Q.23/Q.24: a DTMF pair at -10 dBm0 per tone, at least 40 ms")]
    public async Task A_digit_reaches_a_leg_without_telephone_event_as_a_tone_found_exactly_once()
    {
        var (phoneA, phoneB) = (_bed.Phone(), _bed.Phone());
        var a = _bed.Leg(LegTestBed.Pcmu, phoneA, telephoneEvent: 101);
        var b = _bed.Leg(LegTestBed.Pcma, phoneB);
        await using var bridge = MediaBridge.Connect(a, b, NullLoggerFactory.Instance);

        SendSilence(phoneA, a, 5);
        SendPress(phoneA, a, eventCode: 7, [160, 320, 480, 640], end: 800);
        SendSilence(phoneA, a, 10);
        var atB = await phoneB.ReceiveAsync(20);

        Assert.That(atB.Select(p => p.Header.PayloadType), Is.All.EqualTo(8));
        Assert.That(atB.Select(p => p.Timestamp - atB[0].Timestamp), Is.EqualTo(Enumerable.Range(0, 20).Select(i => (uint)(160 * i))));
        Assert.That(await phoneB.IsQuietAsync(TimeSpan.FromMilliseconds(100)), Is.True, "100 ms of tone is five frames");
        var pcm = Decode(atB);
        Assert.That(DetectedDigits.Run(pcm).EndedText, Is.EqualTo("7"));
        var tone = pcm.AsSpan(5 * 160, 5 * 160);
        var (row, column) = DtmfDigit.Seven.Frequencies();
        Assert.That(SignalMeasure.ToneAmplitude(tone, row, 8000), Is.EqualTo(ToneSignal.Minus10Dbm0).Within(5).Percent);
        Assert.That(SignalMeasure.ToneAmplitude(tone, column, 8000), Is.EqualTo(ToneSignal.Minus10Dbm0).Within(5).Percent);
    }

    [Test]
    public async Task The_same_key_twice_with_nothing_between_is_played_as_two_tones_with_a_gap()
    {
        var (phoneA, phoneB) = (_bed.Phone(), _bed.Phone());
        var a = _bed.Leg(LegTestBed.Pcmu, phoneA, telephoneEvent: 101);
        var b = _bed.Leg(LegTestBed.Pcma, phoneB);
        await using var bridge = MediaBridge.Connect(a, b, NullLoggerFactory.Instance);

        SendPress(phoneA, a, eventCode: 1, [160, 320], end: 480);
        phoneA.NextPacket(Pcmu, [], 960); // 120 ms the source sent nothing: the second press has a later timestamp
        SendPress(phoneA, a, eventCode: 1, [160, 320], end: 480);
        SendSilence(phoneA, a, 5);
        // 3 tone frames, 2 of silence (the gap), 3 tone frames, 5 relayed frames.
        var atB = await phoneB.ReceiveAsync(13);

        Assert.That(DetectedDigits.Run(Decode(atB)).EndedText, Is.EqualTo("11"));
        Assert.That(await phoneB.IsQuietAsync(TimeSpan.FromMilliseconds(100)), Is.True);
    }

    [Test]
    public async Task A_press_shorter_than_40_ms_is_played_for_40_ms()
    {
        var (phoneA, phoneB) = (_bed.Phone(), _bed.Phone());
        var a = _bed.Leg(LegTestBed.Pcmu, phoneA, telephoneEvent: 101);
        var b = _bed.Leg(LegTestBed.Pcma, phoneB);
        await using var bridge = MediaBridge.Connect(a, b, NullLoggerFactory.Instance);

        // Start lost: the end packets alone report a 10 ms press.
        for (var i = 0; i < 3; i++)
        {
            phoneA.SendEvent(a.LocalRtpEndPoint, 101, phoneA.NextTimestamp, eventCode: 9, end: true, duration: 80, marker: false);
        }

        SendSilence(phoneA, a, 4);
        var atB = await phoneB.ReceiveAsync(6);
        Assert.That(DetectedDigits.Run(Decode(atB)).EndedText, Is.EqualTo("9"));
        Assert.That(await phoneB.IsQuietAsync(TimeSpan.FromMilliseconds(100)), Is.True, "40 ms of tone is two frames");
    }

    [TestCase(96)]
    [TestCase(null)]
    public void Digit_updates_allocate_nothing_per_packet(int? targetEvent)
    {
        var phoneB = _bed.Phone();
        var a = _bed.Leg(LegTestBed.Pcmu, _bed.Phone(), telephoneEvent: 101, start: false);
        var b = _bed.Leg(LegTestBed.Pcma, phoneB, telephoneEvent: targetEvent, start: false);
        var bridge = MediaBridge.Connect(a, b, NullLoggerFactory.Instance);
        try
        {
            var from = new IPEndPoint(IPAddress.Loopback, 9).Serialize();
            a.OnRtp(TestPhone.Build(101, 1, 1000, 42, [4, 10, 0, 0], marker: true), from);
            var consumer = a.Consumer!;
            var update = TestPhone.Build(101, 2, 1000, 42, [4, 10, 0, 0]);
            RtpHeader.TryParse(update, out var header, out var offset);
            var sentBefore = b.PacketsSent;
            void Update(int i)
            {
                update[offset + 2] = (byte)((i * 16) >> 8);
                update[offset + 3] = (byte)(i * 16);
                consumer.OnPacket(header, update, offset);
            }

            for (var i = 1; i <= 20; i++)
            {
                Update(i);
            }

            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 21; i <= 2_000; i++)
            {
                Update(i);
            }

            Assert.That(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore, Is.Zero);
            // An update per packet, or a 20 ms tone frame per ten packets of 2 ms.
            Assert.That(b.PacketsSent - sentBefore, Is.EqualTo(targetEvent is null ? 200 : 2_000));
        }
        finally
        {
            bridge.Disconnect();
        }
    }

    private MediaLeg Leg(Softswitch.Media.Sdp.MediaFormat codec, int? telephoneEvent) =>
        _bed.Leg(codec, _bed.Phone(), telephoneEvent: telephoneEvent, start: false);

    // One key press as a phone sends it: a start with the marker, updates, and three end packets, all at one timestamp.
    private static void SendPress(TestPhone phone, MediaLeg to, byte eventCode, ushort[] durations, ushort end)
    {
        var payloadType = (byte)to.TelephoneEventPayloadType!.Value;
        var timestamp = phone.NextTimestamp;
        for (var i = 0; i < durations.Length; i++)
        {
            phone.SendEvent(to.LocalRtpEndPoint, payloadType, timestamp, eventCode, end: false, durations[i], marker: i == 0);
        }

        for (var i = 0; i < 3; i++)
        {
            phone.SendEvent(to.LocalRtpEndPoint, payloadType, timestamp, eventCode, end: true, end, marker: false);
        }
    }

    private static void SendSilence(TestPhone phone, MediaLeg to, int frames)
    {
        var codec = to.Codec.PayloadType == Pcmu ? (IAudioCodec)PcmuCodec.Instance : PcmaCodec.Instance;
        var payload = new byte[160];
        codec.Encode(new short[160], payload);
        for (var i = 0; i < frames; i++)
        {
            phone.Send(to.LocalRtpEndPoint, (byte)to.Codec.PayloadType, payload, 160);
        }
    }

    private static TelephoneEventPayload Parse(ReceivedRtp packet)
    {
        Assert.That(TelephoneEventPayload.TryParse(packet.Payload, out var payload), Is.True);
        return payload;
    }

    private static short[] Decode(IEnumerable<ReceivedRtp> packets)
    {
        var pcm = new List<short>();
        var frame = new short[160];
        foreach (var packet in packets)
        {
            var samples = PcmaCodec.Instance.Decode(packet.Payload, frame);
            pcm.AddRange(frame.Take(samples));
        }

        return [.. pcm];
    }
}
