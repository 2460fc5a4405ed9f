using Microsoft.Extensions.Time.Testing;
using Softswitch.Media.Dtmf;
using Softswitch.Media.Tests.Dtmf.Support;

namespace Softswitch.Media.Tests.Dtmf;

public class DtmfEventStreamTests
{
    private FakeTimeProvider _clock = null!;
    private DtmfEventStream _stream = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
        _stream = new DtmfEventStream(_clock, TimeSpan.FromMilliseconds(500));
    }

    [TearDown]
    public void TearDown() => _stream.Dispose();

    private DtmfEvent Event(DtmfDigit digit, DtmfSource source) => new(digit, source, TimeSpan.FromMilliseconds(100), _clock.GetUtcNow());

    private string Drain()
    {
        var keys = new List<char>();
        while (_stream.Reader.TryRead(out var e))
        {
            keys.Add(e.Digit.ToChar());
        }
        return new string([.. keys]);
    }

    [Test]
    public void Same_digit_by_two_methods_within_the_window_is_reported_once()
    {
        Assert.That(_stream.Publish(Event(DtmfDigit.Five, DtmfSource.Rfc4733)), Is.True);
        _clock.Advance(TimeSpan.FromMilliseconds(30));
        Assert.That(_stream.Publish(Event(DtmfDigit.Five, DtmfSource.InBand)), Is.False);

        Assert.That(Drain(), Is.EqualTo("5"));
    }

    [Test]
    public void Same_digit_by_two_methods_outside_the_window_is_reported_twice()
    {
        _stream.Publish(Event(DtmfDigit.Five, DtmfSource.Rfc4733));
        _clock.Advance(TimeSpan.FromMilliseconds(600));
        _stream.Publish(Event(DtmfDigit.Five, DtmfSource.InBand));

        Assert.That(Drain(), Is.EqualTo("55"));
    }

    [Test]
    public void Same_digit_twice_by_one_method_is_never_merged()
    {
        _stream.Publish(Event(DtmfDigit.Five, DtmfSource.Rfc4733));
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        _stream.Publish(Event(DtmfDigit.Five, DtmfSource.Rfc4733));

        Assert.That(Drain(), Is.EqualTo("55"));
    }

    [Test]
    public void Key_pressed_twice_and_sent_by_two_methods_counts_twice()
    {
        _stream.Publish(Event(DtmfDigit.Five, DtmfSource.InBand));
        _stream.Publish(Event(DtmfDigit.Five, DtmfSource.Rfc4733));
        _clock.Advance(TimeSpan.FromMilliseconds(150));
        _stream.Publish(Event(DtmfDigit.Five, DtmfSource.InBand));
        _stream.Publish(Event(DtmfDigit.Five, DtmfSource.Rfc4733));

        Assert.That(Drain(), Is.EqualTo("55"));
    }

    [Test]
    public void Different_digits_by_different_methods_all_pass()
    {
        _stream.Publish(Event(DtmfDigit.One, DtmfSource.Rfc4733));
        _stream.Publish(Event(DtmfDigit.Two, DtmfSource.InBand));
        Assert.That(_stream.PublishSipInfo("application/dtmf-relay", "Signal=3\r\nDuration=100"u8), Is.True);

        Assert.That(Drain(), Is.EqualTo("123"));
    }

    [Test]
    public void Sip_info_that_is_not_dtmf_publishes_nothing()
    {
        Assert.That(_stream.PublishSipInfo("application/dtmf-relay", "nonsense"u8), Is.False);
        Assert.That(_stream.PublishSipInfo("application/sdp", "v=0"u8), Is.False);
        Assert.That(Drain(), Is.Empty);
    }

    [Test]
    public async Task Phone_sending_rfc4733_and_in_band_tones_gives_each_digit_once()
    {
        using var receiver = new TelephoneEventReceiver(ReceiverHarness.TelephoneEventType, _clock);
        var detector = new InBandDtmfDetector(timeProvider: _clock);
        _stream.Attach(receiver);
        _stream.Attach(detector);
        var sender = new TelephoneEventSender();
        var buffer = new byte[4];
        ushort sequenceNumber = 0;
        uint timestamp = 0;

        foreach (var digit in new[] { DtmfDigit.Four, DtmfDigit.Four, DtmfDigit.Two })
        {
            // 100 ms tone + 100 ms pause in the audio, and the matching telephone-event packets, 20 ms at a time.
            var audio = new ToneSignal().Digit(digit, 100).Silence(100).ToPcm();
            var packets = sender.CreateSequence(digit, TimeSpan.FromMilliseconds(100), timestamp);
            for (var frame = 0; frame < 10; frame++)
            {
                detector.Process(audio.AsSpan(frame * 160, 160));
                if (packets.TryWriteNext(buffer, out var packet))
                {
                    receiver.Receive(ReceiverHarness.TelephoneEventType, sequenceNumber++, packet.Timestamp, packet.Marker, buffer);
                }
                _clock.Advance(TimeSpan.FromMilliseconds(20));
            }
            timestamp += 1600;
        }
        detector.Flush();
        _stream.Complete();

        var events = new List<DtmfEvent>();
        await foreach (var e in _stream.Reader.ReadAllAsync())
        {
            events.Add(e);
        }
        Assert.That(new string([.. events.Select(e => e.Digit.ToChar())]), Is.EqualTo("442"));
    }

    [Test]
    public void Disposed_stream_no_longer_listens_to_its_sources()
    {
        using var h = new ReceiverHarness();
        _stream.Attach(h.Receiver);
        h.Press(1000, DtmfDigit.One, 800);
        _stream.Dispose();
        h.Press(3000, DtmfDigit.Two, 800);

        Assert.That(Drain(), Is.EqualTo("1"));
        Assert.That(_stream.Reader.Completion.IsCompleted, Is.True);
    }

    [Test]
    public void Slow_reader_loses_the_oldest_digits_not_the_newest()
    {
        using var small = new DtmfEventStream(_clock, capacity: 2);
        small.Publish(Event(DtmfDigit.One, DtmfSource.SipInfo));
        small.Publish(Event(DtmfDigit.Two, DtmfSource.SipInfo));
        small.Publish(Event(DtmfDigit.Three, DtmfSource.SipInfo));

        Assert.That(small.Reader.TryRead(out var first) ? first.Digit : (DtmfDigit?)null, Is.EqualTo(DtmfDigit.Two));
    }
}
