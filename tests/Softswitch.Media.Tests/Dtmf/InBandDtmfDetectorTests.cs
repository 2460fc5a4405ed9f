using Microsoft.Extensions.Time.Testing;
using Softswitch.Media.Dtmf;
using Softswitch.Media.Tests.Dtmf.Support;

namespace Softswitch.Media.Tests.Dtmf;

public class InBandDtmfDetectorTests
{
    private const string AllKeys = "123A456B789C*0#D";

    private static DtmfDigit Key(char c) => DtmfDigits.TryFromChar(c, out var d) ? d : throw new ArgumentException(c.ToString());

    private static ToneSignal Sequence(string keys, int toneMs, int gapMs, double amplitude)
    {
        var signal = new ToneSignal().Silence(gapMs);
        foreach (var key in keys)
        {
            signal.Digit(Key(key), toneMs, amplitude, amplitude).Silence(gapMs);
        }
        return signal;
    }

    [TestCase(40)]
    [TestCase(50)]
    [TestCase(100)]
    [Description("ITU-T Q.24: tones of 40 ms and more are accepted")]
    public void All_sixteen_digits_are_detected_once_each_in_noise(int toneMs)
    {
        var amplitude = ToneSignal.Minus10Dbm0;
        var samples = Sequence(AllKeys, toneMs, 60, amplitude)
            .WithNoise(ToneSignal.PairPower(amplitude), snrDb: 15, seed: toneMs)
            .ToPcm();

        var detected = DetectedDigits.Run(samples);

        Assert.That(detected.EndedText, Is.EqualTo(AllKeys));
        Assert.That(new string([.. detected.Started.Select(e => e.Digit.ToChar())]), Is.EqualTo(AllKeys));
        Assert.That(detected.Ended.Select(e => e.Source), Is.All.EqualTo(DtmfSource.InBand));
    }

    [TestCase(15, 1)]
    [TestCase(18, 2)]
    [TestCase(20, 3)]
    public void Digits_survive_white_noise_at_15_to_20_dB_snr(int snrDb, int seed)
    {
        var amplitude = ToneSignal.Minus10Dbm0;
        var samples = Sequence("0123456789", 50, 50, amplitude).WithNoise(ToneSignal.PairPower(amplitude), snrDb, seed).ToPcm();

        Assert.That(DetectedDigits.Run(samples).EndedText, Is.EqualTo("0123456789"));
    }

    [Test]
    public void Long_tone_is_one_digit_with_its_duration()
    {
        var samples = new ToneSignal().Silence(100).Digit(DtmfDigit.Five, 500).Silence(100).ToPcm();

        var detected = DetectedDigits.Run(samples);

        Assert.That(detected.EndedText, Is.EqualTo("5"));
        Assert.That(detected.Ended[0].Duration.TotalMilliseconds, Is.EqualTo(500).Within(26));
    }

    [Test]
    [Description("ITU-T Q.24: a 40 ms pause separates two presses of the same key")]
    public void Same_digit_twice_separated_by_40_ms_gives_two_digits()
    {
        var samples = new ToneSignal().Silence(50).Digit(DtmfDigit.Seven, 60).Silence(40).Digit(DtmfDigit.Seven, 60).Silence(50)
            .WithNoise(ToneSignal.PairPower(ToneSignal.Minus10Dbm0), 20, 9).ToPcm();

        Assert.That(DetectedDigits.Run(samples).EndedText, Is.EqualTo("77"));
    }

    [Test]
    public void A_dropout_shorter_than_the_gap_does_not_split_the_digit()
    {
        var samples = new ToneSignal().Silence(50).Digit(DtmfDigit.Seven, 100).Silence(10).Digit(DtmfDigit.Seven, 100).Silence(50).ToPcm();

        Assert.That(DetectedDigits.Run(samples).EndedText, Is.EqualTo("7"));
    }

    [Test]
    [Description("ITU-T Q.24: tones shorter than about 23 ms must be rejected")]
    public void Tone_of_20_ms_is_not_a_digit()
    {
        var samples = Sequence("1593", 20, 80, ToneSignal.Minus10Dbm0).ToPcm();

        Assert.That(DetectedDigits.Run(samples).Ended, Is.Empty);
    }

    [Test]
    public void Digits_fed_as_little_endian_bytes_in_odd_sized_chunks_are_detected()
    {
        var samples = Sequence("*8#", 60, 60, ToneSignal.Minus10Dbm0).ToPcm();
        var bytes = new byte[samples.Length * 2];
        Buffer.BlockCopy(samples, 0, bytes, 0, bytes.Length); // test host is little-endian
        Assert.That(BitConverter.IsLittleEndian, Is.True);
        var detected = new DetectedDigits(new InBandDtmfDetector());

        for (var offset = 0; offset < bytes.Length; offset += 333)
        {
            detected.Detector.Process(bytes.AsSpan(offset, Math.Min(333, bytes.Length - offset)));
        }
        detected.Detector.Flush();

        Assert.That(detected.EndedText, Is.EqualTo("*8#"));
    }

    [TestCase(6.0, true)]
    [TestCase(-3.0, true)]
    [TestCase(-6.0, false)]
    [TestCase(10.0, false)]
    [TestCase(-10.0, false)]
    [TestCase(-6.0, true, 8.0, 7.0)]
    [TestCase(6.0, false, 5.0, 4.0)]
    [Description("ITU-T Q.24: normal twist up to 8 dB, reverse twist up to 4 dB")]
    public void Twist_limits_are_respected(double columnOverRowDb, bool accepted, double normalLimit = 8, double reverseLimit = 4)
    {
        // Positive: high group louder (normal twist); negative: low group louder (reverse twist).
        var row = ToneSignal.Dbm0(-12);
        var column = row * Math.Pow(10, columnOverRowDb / 20);
        var samples = new ToneSignal().Silence(40).Digit(DtmfDigit.Eight, 100, row, column).Silence(40).ToPcm();
        var options = new InBandDtmfDetectorOptions { MaximumNormalTwistDb = normalLimit, MaximumReverseTwistDb = reverseLimit };

        Assert.That(DetectedDigits.Run(samples, options).EndedText, Is.EqualTo(accepted ? "8" : ""));
    }

    [Test]
    public void Tones_below_the_minimum_level_are_ignored()
    {
        var quiet = Sequence("123", 100, 50, ToneSignal.Dbm0(-40)).ToPcm();
        var audible = Sequence("123", 100, 50, ToneSignal.Dbm0(-25)).ToPcm();

        Assert.That(DetectedDigits.Run(quiet).Ended, Is.Empty);
        Assert.That(DetectedDigits.Run(audible).EndedText, Is.EqualTo("123"));
    }

    [Test]
    public void A_third_tone_in_the_same_group_is_rejected_by_the_relative_peak_check()
    {
        var a = ToneSignal.Minus10Dbm0;
        var samples = new ToneSignal().Silence(40).Tones(100, (697, a), (852, a * 0.8), (1209, a)).Silence(40).ToPcm();

        Assert.That(DetectedDigits.Run(samples).Ended, Is.Empty);
    }

    [TestCase(-3.0, false)]
    [TestCase(-25.0, true)]
    [Description("Talk-off: a strong second harmonic marks speech or music, not DTMF")]
    public void Strong_second_harmonic_of_a_tone_rejects_it(double harmonicDb, bool accepted)
    {
        var a = ToneSignal.Minus10Dbm0;
        var h = a * Math.Pow(10, harmonicDb / 20);
        var samples = new ToneSignal().Silence(40).Tones(100, (697, a), (1209, a), (1394, h)).Silence(40).ToPcm();

        Assert.That(DetectedDigits.Run(samples).EndedText, Is.EqualTo(accepted ? "1" : ""));
    }

    [Test]
    public void White_noise_alone_yields_no_digit()
    {
        var samples = new ToneSignal().Silence(3000).WithNoise(ToneSignal.PairPower(ToneSignal.Minus10Dbm0), 0, 4).ToPcm();

        Assert.That(DetectedDigits.Run(samples).Ended, Is.Empty);
    }

    [Test]
    public void Start_time_and_duration_come_from_the_clock_and_the_audio()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var detected = new DetectedDigits(new InBandDtmfDetector(timeProvider: clock));
        var samples = new ToneSignal().Silence(100).Digit(DtmfDigit.Nine, 200).Silence(100).ToPcm();
        for (var offset = 0; offset < samples.Length; offset += DetectedDigits.FrameSamples)
        {
            detected.Detector.Process(samples.AsSpan(offset, DetectedDigits.FrameSamples));
            clock.Advance(TimeSpan.FromMilliseconds(20));
        }

        Assert.That(detected.EndedText, Is.EqualTo("9"));
        var startOffset = detected.Ended[0].StartedAt - new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
        Assert.That(startOffset.TotalMilliseconds, Is.EqualTo(100).Within(25));
        Assert.That(detected.Started[0].StartedAt, Is.EqualTo(detected.Ended[0].StartedAt));
    }

    [Test]
    [Description("Talk-off: several seconds of synthetic speech (espeak-ng) yield no digit")]
    public async Task Speech_yields_no_digits()
    {
        using var audio = new ExternalAudio();
        var speech = await audio.SpeechAsync(
            "Thank you for calling. Please enter your account number, followed by the pound key. " +
            "To speak with an agent, press zero. Seven, four, one, nine. One moment please, your call is important to us.");
        Assert.That(speech, Has.Length.GreaterThan(5 * 8000), "espeak-ng should produce several seconds");

        // Also with the level floor lowered, so every quiet syllable meets the spectral checks too.
        foreach (var options in new[] { InBandDtmfDetectorOptions.Default, new InBandDtmfDetectorOptions { MinimumToneLevelDbm0 = -50 } })
        {
            var detected = DetectedDigits.Run(speech, options);

            Assert.That(detected.Started, Is.Empty, "digits found in speech: " + string.Join(", ", detected.Started));
        }
    }

    [Test]
    [Description("Talk-off: a note with harmonics, like a musical instrument, is not a digit")]
    public void Tone_pair_with_instrument_like_harmonics_is_not_a_digit()
    {
        var a = ToneSignal.Minus10Dbm0;
        var samples = new ToneSignal().Silence(40)
            .Tones(300, (697, a), (1209, a), (1394, a * 0.5), (2418, a * 0.5), (2091, a * 0.2))
            .Silence(40).ToPcm();

        Assert.That(DetectedDigits.Run(samples).Ended, Is.Empty);
    }

    [Test]
    [Description("Tones synthesised by sox, mixed to mono, are detected")]
    public async Task Tone_sequence_made_by_sox_is_detected()
    {
        using var audio = new ExternalAudio();
        const string keys = "159#0*D";
        var samples = new List<short>(new short[400]);
        foreach (var key in keys)
        {
            var (row, column) = Key(key).Frequencies();
            samples.AddRange(await audio.SoxTonePairAsync("tone-" + (int)Key(key), 0.1, row, column));
            samples.AddRange(new short[800]);
        }

        Assert.That(DetectedDigits.Run([.. samples]).EndedText, Is.EqualTo(keys));
    }
}
