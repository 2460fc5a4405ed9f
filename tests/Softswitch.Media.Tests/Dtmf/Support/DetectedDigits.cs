using Softswitch.Media.Dtmf;

namespace Softswitch.Media.Tests.Dtmf.Support;

/// <summary>Feeds audio to a detector in 20 ms frames and records what it reports.</summary>
internal sealed class DetectedDigits
{
    public const int FrameSamples = 160;

    public DetectedDigits(InBandDtmfDetector detector)
    {
        detector.DigitStarted += e => Started.Add(e);
        detector.DigitEnded += e => Ended.Add(e);
        Detector = detector;
    }

    public InBandDtmfDetector Detector { get; }

    public List<DtmfEvent> Started { get; } = [];

    public List<DtmfEvent> Ended { get; } = [];

    public string EndedText => new([.. Ended.Select(e => e.Digit.ToChar())]);

    public static DetectedDigits Run(short[] samples, InBandDtmfDetectorOptions? options = null)
    {
        var detected = new DetectedDigits(new InBandDtmfDetector(options));
        detected.Feed(samples);
        detected.Detector.Flush();
        return detected;
    }

    public void Feed(short[] samples)
    {
        for (var offset = 0; offset < samples.Length; offset += FrameSamples)
        {
            Detector.Process(samples.AsSpan(offset, Math.Min(FrameSamples, samples.Length - offset)));
        }
    }
}
