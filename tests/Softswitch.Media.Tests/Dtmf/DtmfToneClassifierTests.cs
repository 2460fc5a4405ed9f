using Softswitch.Media.Dtmf;
using Softswitch.Media.Tests.Dtmf.Support;

namespace Softswitch.Media.Tests.Dtmf;

public class DtmfToneClassifierTests
{
    private static readonly DtmfToneClassifier Classifier = DtmfToneClassifier.For(InBandDtmfDetectorOptions.Default);

    private static DtmfToneVerdict Classify(ToneSignal signal, out DtmfDigit digit)
    {
        var block = signal.ToPcm().Take(Classifier.BlockSize).Select(s => (float)s).ToArray();
        return Classifier.Classify(block, out digit);
    }

    [Test]
    public void Equal_options_share_one_classifier_and_other_options_get_their_own()
    {
        var shared = DtmfToneClassifier.For(InBandDtmfDetectorOptions.Default with { });
        var other = DtmfToneClassifier.For(InBandDtmfDetectorOptions.Default with { MinimumToneLevelDbm0 = -20 });

        Assert.That(shared, Is.SameAs(DtmfToneClassifier.For(InBandDtmfDetectorOptions.Default)));
        Assert.That(other, Is.Not.SameAs(shared));
        Assert.That(other.Options.MinimumToneLevelDbm0, Is.EqualTo(-20));
    }

    [Test]
    public void A_shared_classifier_gives_every_thread_the_right_digit()
    {
        // Every call's detector uses the one classifier from its own receive loop at the same time.
        var results = new DtmfDigit?[16 * 50];
        Parallel.For(0, results.Length, i =>
        {
            var verdict = Classify(new ToneSignal().Digit((DtmfDigit)(i % 16), 20), out var digit);
            results[i] = verdict == DtmfToneVerdict.Digit ? digit : null;
        });

        for (var i = 0; i < results.Length; i++)
        {
            Assert.That(results[i], Is.EqualTo((DtmfDigit)(i % 16)), $"block {i}");
        }
    }

    private static double A => ToneSignal.Minus10Dbm0;

    [Test]
    public void Every_keypad_pair_is_classified_as_its_digit()
    {
        for (var code = 0; code <= 15; code++)
        {
            var expected = (DtmfDigit)code;
            Assert.That(Classify(new ToneSignal().Digit(expected, 20), out var digit), Is.EqualTo(DtmfToneVerdict.Digit), expected.ToString());
            Assert.That(digit, Is.EqualTo(expected));
        }
    }

    [Test]
    public void Each_check_names_its_reason()
    {
        Assert.That(Classify(new ToneSignal().Silence(20), out _), Is.EqualTo(DtmfToneVerdict.TooQuiet));
        Assert.That(Classify(new ToneSignal().Tones(20, (697, A), (1209, A * 3.5)), out _), Is.EqualTo(DtmfToneVerdict.NormalTwist));
        Assert.That(Classify(new ToneSignal().Tones(20, (697, A * 2), (1209, A)), out _), Is.EqualTo(DtmfToneVerdict.ReverseTwist));
        Assert.That(Classify(new ToneSignal().Tones(20, (697, A), (941, A * 0.9), (1209, A)), out _), Is.EqualTo(DtmfToneVerdict.RowNotDominant));
        Assert.That(Classify(new ToneSignal().Tones(20, (697, A), (1209, A), (1633, A * 0.9)), out _), Is.EqualTo(DtmfToneVerdict.ColumnNotDominant));
        Assert.That(Classify(new ToneSignal().Tones(20, (697, A), (1209, A), (3000, A * 1.5)), out _), Is.EqualTo(DtmfToneVerdict.Broadband));
        Assert.That(Classify(new ToneSignal().Tones(20, (697, A), (1209, A), (2418, A * 0.7)), out _), Is.EqualTo(DtmfToneVerdict.Harmonic));
    }

    [TestCase(-0.015)]
    [TestCase(0.015)]
    [Description("ITU-T Q.24: frequency deviation up to 1.5% is accepted")]
    public void Every_pair_is_accepted_with_its_tones_off_by_one_and_a_half_percent(double deviation)
    {
        for (var code = 0; code <= 15; code++)
        {
            var expected = (DtmfDigit)code;
            var (row, column) = expected.Frequencies();
            foreach (var (r, c) in new[] { (1 + deviation, 1 + deviation), (1 + deviation, 1 - deviation) })
            {
                var verdict = Classify(new ToneSignal().Tones(20, (row * r, A), (column * c, A)), out var digit);
                Assert.That((verdict, digit), Is.EqualTo((DtmfToneVerdict.Digit, expected)), $"{expected} at {row * r:0}/{column * c:0} Hz");
            }
        }
    }

    [Test]
    [Description("Talk-off: the harmonic check allows for the column tone leaking into the row's harmonic bin")]
    public void Column_leaking_into_the_row_harmonic_bin_is_not_a_harmonic()
    {
        // 2 x 697 = 1394 Hz is 58 Hz from the 1336 Hz column; 2 x 770 = 1540 Hz is 63 Hz from 1477 Hz.
        Assert.That(Classify(new ToneSignal().Tones(20, (697, A * 0.7), (1336, A)), out var two), Is.EqualTo(DtmfToneVerdict.Digit));
        Assert.That(two, Is.EqualTo(DtmfDigit.Two));
        Assert.That(Classify(new ToneSignal().Tones(20, (770, A * 0.7), (1477, A)), out var six), Is.EqualTo(DtmfToneVerdict.Digit));
        Assert.That(six, Is.EqualTo(DtmfDigit.Six));
        // Without the 1336 Hz column present, the same harmonic is caught.
        Assert.That(Classify(new ToneSignal().Tones(20, (697, A), (1209, A), (1394, A * 0.5)), out _), Is.EqualTo(DtmfToneVerdict.Harmonic));
    }
}
