using Softswitch.Media.Dtmf;
using Softswitch.Media.Tests.Dtmf.Support;

namespace Softswitch.Media.Tests.Dtmf;

public class TelephoneEventReceiverTests
{
    private ReceiverHarness _h = null!;

    [SetUp]
    public void SetUp() => _h = new ReceiverHarness();

    [TearDown]
    public void TearDown() => _h.Dispose();

    [Test]
    [Description("RFC 4733 §2.5.1.2, §2.5.1.4")]
    public void Complete_press_is_reported_once_at_start_and_once_at_end()
    {
        Assert.That(_h.Packet(8000, DtmfDigit.Five, 160, marker: true), Is.EqualTo(TelephoneEventReceiveResult.Started));
        Assert.That(_h.Started.Select(e => e.Digit), Is.EqualTo(new[] { DtmfDigit.Five }));
        Assert.That(_h.Packet(8000, DtmfDigit.Five, 320), Is.EqualTo(TelephoneEventReceiveResult.Updated));
        Assert.That(_h.Packet(8000, DtmfDigit.Five, 800, end: true), Is.EqualTo(TelephoneEventReceiveResult.Ended));
        Assert.That(_h.Packet(8000, DtmfDigit.Five, 800, end: true), Is.EqualTo(TelephoneEventReceiveResult.Duplicate));
        Assert.That(_h.Packet(8000, DtmfDigit.Five, 800, end: true), Is.EqualTo(TelephoneEventReceiveResult.Duplicate));

        Assert.That(_h.Started, Has.Count.EqualTo(1));
        Assert.That(_h.Ended, Has.Count.EqualTo(1));
        var ended = _h.Ended[0];
        Assert.That(ended.Digit, Is.EqualTo(DtmfDigit.Five));
        Assert.That(ended.Source, Is.EqualTo(DtmfSource.Rfc4733));
        Assert.That(ended.Duration, Is.EqualTo(TimeSpan.FromMilliseconds(100)));
        Assert.That(ended.RtpTimestamp, Is.EqualTo(8000u));
        Assert.That(ended.StartedAt, Is.EqualTo(_h.Clock.GetUtcNow()));
    }

    [Test]
    [Description("RFC 4733 §2.5.1.2")]
    public void Lost_start_packet_still_reports_the_digit_from_an_update()
    {
        Assert.That(_h.Packet(4000, DtmfDigit.Seven, 480), Is.EqualTo(TelephoneEventReceiveResult.Started));
        _h.Packet(4000, DtmfDigit.Seven, 640, end: true);

        Assert.That(_h.EndedText, Is.EqualTo("7"));
        Assert.That(_h.Started, Has.Count.EqualTo(1));
    }

    [Test]
    [Description("RFC 4733 §2.5.1.4")]
    public void First_packet_seen_being_an_end_packet_reports_start_and_end()
    {
        Assert.That(_h.Packet(4000, DtmfDigit.Pound, 800, end: true), Is.EqualTo(TelephoneEventReceiveResult.Ended));
        Assert.That(_h.Packet(4000, DtmfDigit.Pound, 800, end: true), Is.EqualTo(TelephoneEventReceiveResult.Duplicate));

        Assert.That(_h.Started.Select(e => e.Digit.ToChar()), Is.EqualTo(new[] { '#' }));
        Assert.That(_h.EndedText, Is.EqualTo("#"));
        Assert.That(_h.Ended[0].Duration, Is.EqualTo(TimeSpan.FromMilliseconds(100)));
    }

    [Test]
    [Description("RFC 4733 §2.5.1.4")]
    public void Losing_all_end_packets_ends_the_digit_after_the_timeout()
    {
        _h.Packet(4000, DtmfDigit.Three, 160, marker: true);
        _h.Clock.Advance(TimeSpan.FromMilliseconds(20));
        _h.Packet(4000, DtmfDigit.Three, 320);
        _h.Clock.Advance(TimeSpan.FromMilliseconds(199));
        Assert.That(_h.Ended, Is.Empty, "not yet: the timeout runs from the last packet");

        _h.Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.That(_h.EndedText, Is.EqualTo("3"));
        Assert.That(_h.Ended[0].Duration, Is.EqualTo(TimeSpan.FromMilliseconds(40)));

        // Late end packets of that event change nothing.
        Assert.That(_h.Packet(4000, DtmfDigit.Three, 480, end: true), Is.EqualTo(TelephoneEventReceiveResult.Duplicate));
        _h.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That(_h.Ended, Has.Count.EqualTo(1));
    }

    [Test]
    [Description("RFC 4733 §2.5.1.4")]
    public void Losing_all_end_packets_ends_the_digit_when_a_newer_event_begins()
    {
        _h.Packet(4000, DtmfDigit.One, 160, marker: true);
        _h.Packet(4000, DtmfDigit.One, 320);
        _h.Clock.Advance(TimeSpan.FromMilliseconds(50));
        Assert.That(_h.Packet(6000, DtmfDigit.Two, 160, marker: true), Is.EqualTo(TelephoneEventReceiveResult.Started));

        Assert.That(_h.EndedText, Is.EqualTo("1"));
        Assert.That(_h.Started.Select(e => e.Digit), Is.EqualTo(new[] { DtmfDigit.One, DtmfDigit.Two }));
    }

    [Test]
    [Description("RFC 4733 §2.5.1.1")]
    public void Same_digit_pressed_twice_gives_two_digits()
    {
        _h.Press(1000, DtmfDigit.Nine, 800);
        _h.Press(3400, DtmfDigit.Nine, 960);

        Assert.That(_h.EndedText, Is.EqualTo("99"));
        Assert.That(_h.Ended.Select(e => e.RtpTimestamp), Is.EqualTo(new uint?[] { 1000, 3400 }));
    }

    [Test]
    [Description("RFC 4733 §2.5.1.1")]
    public void Same_digit_twice_with_every_end_packet_lost_still_gives_two_digits()
    {
        _h.Packet(1000, DtmfDigit.Nine, 160, marker: true);
        _h.Packet(1000, DtmfDigit.Nine, 320);
        _h.Packet(3400, DtmfDigit.Nine, 160, marker: true);
        _h.Packet(3400, DtmfDigit.Nine, 320);
        _h.Clock.Advance(TimeSpan.FromMilliseconds(300));

        Assert.That(_h.EndedText, Is.EqualTo("99"));
    }

    [Test]
    [Description("RFC 4733 §2.5.1.4")]
    public void Duplicated_packets_do_not_repeat_the_digit()
    {
        _h.Packet(2000, DtmfDigit.Four, 160, marker: true);
        _h.Packet(2000, DtmfDigit.Four, 160, marker: true);
        _h.Packet(2000, DtmfDigit.Four, 320);
        _h.Packet(2000, DtmfDigit.Four, 320);
        _h.Packet(2000, DtmfDigit.Four, 480, end: true);
        _h.Packet(2000, DtmfDigit.Four, 480, end: true);

        Assert.That(_h.Started, Has.Count.EqualTo(1));
        Assert.That(_h.EndedText, Is.EqualTo("4"));
    }

    [Test]
    [Description("RFC 4733 §2.5.1.1")]
    public void Reordered_packets_keep_the_longest_duration_and_ignore_the_older_event()
    {
        _h.Packet(2000, DtmfDigit.Six, 160, marker: true);
        _h.Packet(2000, DtmfDigit.Six, 480);
        Assert.That(_h.Packet(2000, DtmfDigit.Six, 320), Is.EqualTo(TelephoneEventReceiveResult.Updated));
        _h.Clock.Advance(TimeSpan.FromMilliseconds(200));
        Assert.That(_h.Ended[0].Duration, Is.EqualTo(TimeSpan.FromMilliseconds(60)), "the late 320 must not shorten 480");

        _h.Packet(5000, DtmfDigit.Eight, 160, marker: true);
        Assert.That(_h.Packet(2000, DtmfDigit.Six, 640, end: true), Is.EqualTo(TelephoneEventReceiveResult.Stale));
        _h.Packet(5000, DtmfDigit.Eight, 400, end: true);

        Assert.That(_h.EndedText, Is.EqualTo("68"));
    }

    [Test]
    [Description("RFC 4733 §2.5.1.4")]
    public void End_packet_overtaking_the_updates_ends_the_digit_once()
    {
        _h.Packet(2000, DtmfDigit.Zero, 160, marker: true);
        _h.Packet(2000, DtmfDigit.Zero, 640, end: true);
        Assert.That(_h.Packet(2000, DtmfDigit.Zero, 320), Is.EqualTo(TelephoneEventReceiveResult.Duplicate));
        _h.Packet(2000, DtmfDigit.Zero, 640, end: true);

        Assert.That(_h.EndedText, Is.EqualTo("0"));
        Assert.That(_h.Ended[0].Duration, Is.EqualTo(TimeSpan.FromMilliseconds(80)));
    }

    [Test]
    [Description("RFC 4733 §2.5.1.3")]
    public void Long_event_spanning_segments_is_one_digit_with_the_summed_duration()
    {
        const uint start = 100_000;
        _h.Packet(start, DtmfDigit.Star, 400, marker: true);
        for (var d = 4400; d < 0xFFFF; d += 4000)
        {
            _h.Clock.Advance(TimeSpan.FromMilliseconds(50));
            _h.Packet(start, DtmfDigit.Star, (ushort)d);
        }
        _h.Packet(start, DtmfDigit.Star, 0xFFFF);
        _h.Clock.Advance(TimeSpan.FromMilliseconds(50));
        Assert.That(_h.Packet(start + 0xFFFF, DtmfDigit.Star, 400), Is.EqualTo(TelephoneEventReceiveResult.NextSegment));
        _h.Packet(start + 0xFFFF, DtmfDigit.Star, 800, end: true);
        _h.Packet(start + 0xFFFF, DtmfDigit.Star, 800, end: true);

        Assert.That(_h.Started, Has.Count.EqualTo(1));
        Assert.That(_h.EndedText, Is.EqualTo("*"));
        Assert.That(_h.Ended[0].Duration, Is.EqualTo(TimeSpan.FromTicks((0xFFFF + 800L) * TimeSpan.TicksPerSecond / 8000)));
        Assert.That(_h.Ended[0].RtpTimestamp, Is.EqualTo(start));
    }

    [Test]
    [Description("RFC 4733 §2.5.1.3")]
    public void Segment_boundary_near_timestamp_wrap_is_followed()
    {
        const uint start = 0xFFFF_FF00;
        _h.Packet(start, DtmfDigit.A, 0xFFFF, marker: true);
        Assert.That(_h.Packet(unchecked(start + 0xFFFF), DtmfDigit.A, 160, end: true), Is.EqualTo(TelephoneEventReceiveResult.Ended));

        Assert.That(_h.EndedText, Is.EqualTo("A"));
        Assert.That(_h.Started, Has.Count.EqualTo(1));
    }

    [Test]
    [Description("RFC 4733 §2.3")]
    public void Short_payloads_and_other_payload_types_are_ignored_without_breaking_the_stream()
    {
        // sipp's play_dtmf preamble: 4-byte packets on payload type 97, which was never negotiated.
        Assert.That(_h.Raw(97, 500, true, ReceiverHarness.Payload(DtmfDigit.One, 160)), Is.EqualTo(TelephoneEventReceiveResult.OtherPayloadType));
        Assert.That(_h.Raw(97, 500, false, ReceiverHarness.Payload(DtmfDigit.One, 320, end: true)), Is.EqualTo(TelephoneEventReceiveResult.OtherPayloadType));
        Assert.That(_h.Raw(ReceiverHarness.TelephoneEventType, 700, true, [5, 0, 1]), Is.EqualTo(TelephoneEventReceiveResult.PayloadTooShort));
        Assert.That(_h.Raw(ReceiverHarness.TelephoneEventType, 700, true, []), Is.EqualTo(TelephoneEventReceiveResult.PayloadTooShort));
        Assert.That(_h.Raw(ReceiverHarness.TelephoneEventType, 700, true, [16, 0x8A, 0, 160]), Is.EqualTo(TelephoneEventReceiveResult.NotDtmf));
        Assert.That(_h.Raw(ReceiverHarness.TelephoneEventType, 700, true, [255, 0xFF, 0xFF, 0xFF]), Is.EqualTo(TelephoneEventReceiveResult.NotDtmf));

        _h.Press(1000, DtmfDigit.Two, 800);
        _h.Raw(0, 1100, false, new byte[160]); // a PCMU packet in between
        _h.Press(3000, DtmfDigit.Three, 800);

        Assert.That(_h.EndedText, Is.EqualTo("23"));
        Assert.That(_h.Started, Has.Count.EqualTo(2));
    }

    [Test]
    [Description("RFC 4733 §2.3")]
    public void Reserved_bit_and_volume_do_not_change_the_digit()
    {
        _h.Raw(ReceiverHarness.TelephoneEventType, 900, true, [(byte)DtmfDigit.D, 0x40 | 0x3F, 0, 160]);
        _h.Raw(ReceiverHarness.TelephoneEventType, 900, false, [(byte)DtmfDigit.D, 0x80 | 0x40, 0x01, 0x40]);

        Assert.That(_h.EndedText, Is.EqualTo("D"));
        Assert.That(_h.Ended[0].Duration, Is.EqualTo(TimeSpan.FromMilliseconds(40)));
    }

    [Test]
    public void Timestamp_jumping_far_back_after_an_ended_event_starts_a_new_stream()
    {
        _h.Press(900_000, DtmfDigit.One, 800);
        _h.Press(1_000, DtmfDigit.Two, 800);

        Assert.That(_h.EndedText, Is.EqualTo("12"));
    }

    [Test]
    public void Reset_forgets_the_current_event_without_reporting_it()
    {
        _h.Packet(1000, DtmfDigit.Five, 160, marker: true);
        _h.Receiver.Reset();
        _h.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That(_h.Ended, Is.Empty);

        _h.Press(1000, DtmfDigit.Five, 800);
        Assert.That(_h.EndedText, Is.EqualTo("5"));
    }

    [Test]
    public void Timeout_is_configurable()
    {
        using var h = new ReceiverHarness(TimeSpan.FromMilliseconds(500));
        h.Packet(1000, DtmfDigit.Five, 160, marker: true);
        h.Clock.Advance(TimeSpan.FromMilliseconds(400));
        Assert.That(h.Ended, Is.Empty);
        h.Clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.That(h.EndedText, Is.EqualTo("5"));
    }
}
