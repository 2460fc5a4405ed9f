using System.Buffers.Binary;
using System.Text;
using Softswitch.Media.Codecs;
using Softswitch.Media.Dtmf;
using Softswitch.Media.Legs;
using Softswitch.Media.Rtp;
using Softswitch.Media.Tests.Dtmf.Support;

namespace Softswitch.Media.Tests.Legs;

public class MediaLegTests
{
    private LegTestBed _bed = null!;

    [SetUp]
    public void SetUp() => _bed = new LegTestBed();

    [TearDown]
    public async Task TearDown() => await _bed.DisposeAsync();

    [Test]
    public async Task Received_audio_reaches_tap_and_consumer_and_unnegotiated_payload_types_are_dropped()
    {
        var phone = _bed.Phone();
        var leg = _bed.Leg(LegTestBed.Pcmu, phone, telephoneEvent: 101);
        var tap = new RecordingTap();
        var consumer = new RecordingConsumer();
        leg.Tap = tap;
        leg.Consumer = consumer;

        phone.Send(leg.LocalRtpEndPoint, 97, [1, 2, 3, 4], 0); // sipp's play_dtmf preamble
        var audio = phone.Send(leg.LocalRtpEndPoint, 0, Enumerable.Repeat((byte)0x55, 160).ToArray(), 160);
        phone.SendEvent(leg.LocalRtpEndPoint, 101, phone.NextTimestamp, eventCode: 1, end: false, duration: 160, marker: true);

        var first = await consumer.NextAsync();
        var second = await consumer.NextAsync();
        Assert.That(first.Header.PayloadType, Is.EqualTo(0), "payload type 97 never reached the consumer");
        Assert.That(first.Sequence, Is.EqualTo(BinaryPrimitives.ReadUInt16BigEndian(audio.AsSpan(2))));
        Assert.That(first.Payload, Is.EqualTo(audio[12..]));
        Assert.That(second.Header.PayloadType, Is.EqualTo(101));
        Assert.That(tap.Received, Has.Count.EqualTo(1), "telephone-event is not shown to the tap");
        Assert.That(tap.Received[0].Sequence, Is.EqualTo(first.Sequence));
        Assert.That(tap.Received[0].Payload, Is.EqualTo(audio[12..]));
        Assert.That(leg.PacketsReceived, Is.EqualTo(2));
    }

    [Test]
    [Description("RFC 3264 §5.1: while our direction is recvonly or inactive (the phone holds the call) we send nothing")]
    public async Task A_leg_that_may_not_send_drops_relayed_and_generated_packets_until_it_may_again()
    {
        var phone = _bed.Phone();
        var leg = _bed.Leg(LegTestBed.Pcmu, phone);

        leg.CanSend = false;
        Assert.That(leg.SendFrame(new byte[160], 160, marker: false), Is.False);
        Assert.That(leg.Relay(TestPhone.Build(0, 1, 160, 0x1234, new byte[160]), 0), Is.False);
        Assert.That(await phone.IsQuietAsync(TimeSpan.FromMilliseconds(200)), Is.True, "on hold: nothing reaches the phone");
        Assert.That(leg.PacketsSent, Is.Zero);

        leg.CanSend = true;
        Assert.That(leg.SendFrame(new byte[160], 160, marker: false), Is.True);
        var resumed = await phone.ReceiveAsync();
        Assert.That(resumed.Header.Ssrc, Is.EqualTo(leg.OutputSsrc));
        Assert.That(leg.PacketsSent, Is.EqualTo(1));
    }

    [Test]
    [Description("RFC 3550 §5.1: one SSRC, sequence +1 per packet, timestamp advanced by the samples of each frame")]
    public async Task SendFrame_builds_continuous_headers_in_the_legs_own_stream()
    {
        var phone = _bed.Phone();
        var leg = _bed.Leg(LegTestBed.Pcmu, phone);
        var tap = new RecordingTap();
        leg.Tap = tap;

        for (var i = 0; i < 5; i++)
        {
            Assert.That(leg.SendFrame(Enumerable.Repeat((byte)i, 160).ToArray(), 160, marker: false), Is.True);
        }

        var packets = await phone.ReceiveAsync(5);
        Assert.That(packets.Select(p => p.Header.Ssrc), Is.All.EqualTo(leg.OutputSsrc));
        Assert.That(packets.Select(p => p.Header.PayloadType), Is.All.EqualTo(0));
        for (var i = 1; i < 5; i++)
        {
            Assert.That(packets[i].Sequence, Is.EqualTo((ushort)(packets[i - 1].Sequence + 1)));
            Assert.That(packets[i].Timestamp, Is.EqualTo(packets[i - 1].Timestamp + 160));
            Assert.That(packets[i].Payload, Is.All.EqualTo((byte)i));
        }

        Assert.That(packets[0].Marker, Is.True, "the first packet of the stream starts a talkspurt");
        Assert.That(packets.Skip(1).Select(p => p.Marker), Is.All.False);
        Assert.That(tap.Sent.Select(p => p.Sequence), Is.EqualTo(packets.Select(p => p.Sequence)));
        Assert.That(tap.Sent.Select(p => p.Timestamp), Is.EqualTo(packets.Select(p => p.Timestamp)));
        Assert.That(leg.PacketsSent, Is.EqualTo(5));
    }

    [Test]
    [Description("RFC 3550 §8.2: a translator's output stays one stream when its input changes")]
    public async Task Switching_from_frames_to_relay_and_back_keeps_the_sequence_and_marks_each_switch()
    {
        var phone = _bed.Phone();
        var leg = _bed.Leg(LegTestBed.Pcmu, phone);
        var payload = new byte[160];

        leg.SendFrame(payload, 160, marker: false);
        leg.SendFrame(payload, 160, marker: false);
        // Another leg's PCMA packets of a foreign SSRC, relayed as our PCMU payload type.
        for (var i = 0; i < 3; i++)
        {
            Assert.That(leg.Relay(TestPhone.Build(8, (ushort)(40000 + i), 123456 + (uint)(160 * i), 0xABCDEF, payload), 0), Is.True);
        }

        leg.SendFrame(payload, 160, marker: false);
        leg.SendFrame(payload, 160, marker: false);

        var packets = await phone.ReceiveAsync(7);
        Assert.That(packets.Select(p => p.Header.Ssrc), Is.All.EqualTo(leg.OutputSsrc));
        Assert.That(packets.Select(p => p.Header.PayloadType), Is.All.EqualTo(0));
        for (var i = 1; i < packets.Count; i++)
        {
            Assert.That(packets[i].Sequence, Is.EqualTo((ushort)(packets[i - 1].Sequence + 1)), $"packet {i}");
            Assert.That(packets[i].Timestamp, Is.EqualTo(packets[i - 1].Timestamp + 160), $"packet {i}");
        }

        Assert.That(packets.Select(p => p.Marker), Is.EqualTo(new[] { true, false, true, false, false, true, false }));
    }

    [Test]
    public async Task Relayed_telephone_events_are_sent_and_counted_but_not_tapped()
    {
        var phone = _bed.Phone();
        var leg = _bed.Leg(LegTestBed.Pcmu, phone, telephoneEvent: 101);
        var tap = new RecordingTap();
        leg.Tap = tap;

        Assert.That(leg.Relay(TestPhone.Build(96, 7, 8000, 42, [5, 10, 0, 160], marker: true), 101), Is.True);
        Assert.That(leg.Relay(TestPhone.Build(0, 8, 8160, 42, new byte[160]), 0), Is.True);

        var packets = await phone.ReceiveAsync(2);
        Assert.That(packets[0].Header.PayloadType, Is.EqualTo(101));
        Assert.That(packets[0].Payload, Is.EqualTo(new byte[] { 5, 10, 0, 160 }));
        Assert.That(tap.Sent, Has.Count.EqualTo(1));
        Assert.That(tap.Sent[0].Sequence, Is.EqualTo(packets[1].Sequence));
        Assert.That(leg.PacketsSent, Is.EqualTo(2));
    }

    [Test]
    [Description("RFC 4733 §2.5: one event, start to end packets, becomes one digit")]
    public async Task Telephone_events_become_digits()
    {
        var phone = _bed.Phone();
        var leg = _bed.Leg(LegTestBed.Pcmu, phone, telephoneEvent: 101);
        var consumer = new RecordingConsumer();
        leg.Consumer = consumer;

        var start = phone.NextTimestamp;
        phone.SendEvent(leg.LocalRtpEndPoint, 101, start, eventCode: 5, end: false, duration: 160, marker: true);
        phone.SendEvent(leg.LocalRtpEndPoint, 101, start, eventCode: 5, end: false, duration: 320, marker: false);
        for (var i = 0; i < 3; i++)
        {
            phone.SendEvent(leg.LocalRtpEndPoint, 101, start, eventCode: 5, end: true, duration: 480, marker: false);
        }

        var digit = await ReadDigitAsync(leg);
        Assert.That(digit.Digit, Is.EqualTo(DtmfDigit.Five));
        Assert.That(digit.Source, Is.EqualTo(DtmfSource.Rfc4733));
        Assert.That(digit.Duration, Is.EqualTo(TimeSpan.FromMilliseconds(60)));
        Assert.That((await consumer.NextAsync()).Header.PayloadType, Is.EqualTo(101), "the consumer sees the events too");
    }

    [Test]
    public async Task In_band_tones_from_a_PCMU_leg_become_digits()
    {
        var phone = _bed.Phone();
        var leg = _bed.Leg(LegTestBed.Pcmu, phone);
        var pcm = new ToneSignal().Silence(60).Digit(DtmfDigit.Seven, 120).Silence(120).ToPcm();
        var payload = new byte[160];
        for (var offset = 0; offset + 160 <= pcm.Length; offset += 160)
        {
            PcmuCodec.Instance.Encode(pcm.AsSpan(offset, 160), payload);
            phone.Send(leg.LocalRtpEndPoint, 0, payload, 160);
        }

        var digit = await ReadDigitAsync(leg);
        Assert.That(digit.Digit, Is.EqualTo(DtmfDigit.Seven));
        Assert.That(digit.Source, Is.EqualTo(DtmfSource.InBand));
    }

    [Test]
    public async Task In_band_tones_from_an_Opus_leg_are_decoded_at_48_kHz_and_detected()
    {
        Assert.That(OpusLibrary.IsAvailable, Is.True, "libopus0 is installed on this machine");
        var phone = _bed.Phone();
        var leg = _bed.Leg(LegTestBed.Opus, phone);
        using var encoder = new OpusCodec();
        var (row, column) = DtmfDigit.Nine.Frequencies();
        var frame = new short[960];
        var payload = new byte[encoder.MaxPayloadBytes];
        for (var n = 0; n < 20; n++)
        {
            // 80 ms silence, 200 ms of the digit, then silence.
            for (var i = 0; i < frame.Length; i++)
            {
                var t = (n * 960) + i;
                var on = t is >= 3840 and < 13440;
                frame[i] = on ? (short)(7000 * (Math.Sin(2 * Math.PI * row * t / 48000) + Math.Sin(2 * Math.PI * column * t / 48000))) : (short)0;
            }

            var written = encoder.Encode(frame, payload);
            phone.Send(leg.LocalRtpEndPoint, 111, payload.AsSpan(0, written), 960);
        }

        var digit = await ReadDigitAsync(leg);
        Assert.That(digit.Digit, Is.EqualTo(DtmfDigit.Nine));
        Assert.That(digit.Source, Is.EqualTo(DtmfSource.InBand));
    }

    [Test]
    public void In_band_detection_can_be_turned_off()
    {
        var leg = _bed.Leg(LegTestBed.Pcmu, _bed.Phone(), detectInBand: false, start: false);
        Assert.That(leg.DetectsInBandDtmf, Is.False);
    }

    [Test]
    public async Task A_SIP_INFO_digit_arrives_on_the_same_stream()
    {
        var leg = _bed.Leg(LegTestBed.Pcmu, _bed.Phone());
        Assert.That(leg.OnSipInfo("application/dtmf-relay", Encoding.ASCII.GetBytes("Signal=3\r\nDuration=160\r\n")), Is.True);
        var digit = await ReadDigitAsync(leg);
        Assert.That(digit.Digit, Is.EqualTo(DtmfDigit.Three));
        Assert.That(digit.Source, Is.EqualTo(DtmfSource.SipInfo));
    }

    [Test]
    [Description("RFC 3550 §6.6: BYE when the leg ends")]
    public async Task Disposing_sends_an_rtcp_bye_completes_the_digits_and_stops_sending()
    {
        var phone = _bed.Phone();
        var leg = _bed.Leg(LegTestBed.Pcmu, phone);
        leg.SendFrame(new byte[160], 160, marker: false);
        await phone.ReceiveAsync();

        await leg.DisposeAsync();

        var compound = await phone.ReceiveRtcpAsync();
        var types = new List<RtcpPacketType>();
        var reader = new RtcpCompoundReader(compound);
        while (reader.TryReadNext(out var packet) == RtcpParseStatus.Success)
        {
            types.Add(packet.Type);
            if (packet.Type == RtcpPacketType.Goodbye)
            {
                Assert.That(packet.GetGoodbyeSsrc(0), Is.EqualTo(leg.OutputSsrc));
            }
        }

        Assert.That(types, Is.EqualTo(new[] { RtcpPacketType.SenderReport, RtcpPacketType.SourceDescription, RtcpPacketType.Goodbye }));
        Assert.That(leg.SendFrame(new byte[160], 160, marker: false), Is.False);
        Assert.That(leg.Digits.Reader.Completion.IsCompleted, Is.True);
    }

    [Test]
    public async Task SetRemote_moves_the_outgoing_stream()
    {
        var leg = _bed.Leg(LegTestBed.Pcmu, _bed.Phone());
        var moved = _bed.Phone();
        leg.SetRemote(moved.RtpEndPoint, moved.RtcpEndPoint);

        Assert.That(leg.SendFrame(new byte[160], 160, marker: false), Is.True);
        Assert.That((await moved.ReceiveAsync()).Header.Ssrc, Is.EqualTo(leg.OutputSsrc));
    }

    [Test]
    public void Receive_path_with_in_band_detection_and_an_echo_allocates_nothing_per_packet()
    {
        var phone = _bed.Phone();
        var leg = _bed.Leg(LegTestBed.Pcmu, phone, telephoneEvent: 101, start: false);
        leg.Consumer = new EchoConsumer(leg);
        var packet = TestPhone.Build(0, 1, 0, 42, Enumerable.Repeat((byte)0xFF, 160).ToArray());
        var from = phone.RtpEndPoint.Serialize();

        var sequence = 0;
        void Receive(int count)
        {
            for (var i = 0; i < count; i++, sequence++)
            {
                BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), (ushort)sequence);
                BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), (uint)(160 * sequence));
                leg.OnRtp(packet, from);
            }
        }

        Receive(100); // first-use work: RTCP statistics, JIT
        // The fewest bytes of three rounds: an allocation per packet shows in every round (10,000 times over), while a
        // one-off the runtime makes on this thread under a loaded machine (seen once: 56 bytes in a full run) does not.
        var allocated = long.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            Receive(10_000);
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.That(allocated, Is.Zero);
        Assert.That(leg.PacketsSent, Is.EqualTo(30_100));
    }

    private static async Task<DtmfEvent> ReadDigitAsync(MediaLeg leg)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        return await leg.Digits.Reader.ReadAsync(timeout.Token);
    }
}
