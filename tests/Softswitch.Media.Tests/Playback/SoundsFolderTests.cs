using Softswitch.Media.Audio;
using Softswitch.Media.Dtmf;
using Softswitch.Media.Tests.Dtmf.Support;
using Softswitch.Media.Playback;
using Softswitch.Media.Sdp;

namespace Softswitch.Media.Tests.Playback;

/// <summary>The committed demo prompts in the repository's <c>sounds/</c> folder load as the README promises.</summary>
public sealed class SoundsFolderTests
{
    private static readonly string[] RequiredPrompts =
        ["echo-test", "goodbye", "please-hold", .. Enumerable.Range(0, 10).Select(digit => $"digits/{digit}")];

    private static string SoundsRoot()
    {
        for (var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); folder is not null; folder = folder.Parent)
        {
            string candidate = Path.Combine(folder.FullName, "sounds");
            if (File.Exists(Path.Combine(candidate, "generate.sh")))
            {
                return candidate;
            }
        }

        Assert.Fail("sounds/generate.sh not found above the test directory");
        return "";
    }

    [TestCase("en")]
    [TestCase("ms")]
    public void Every_required_prompt_exists_as_8_kHz_mono_and_encodes(string language)
    {
        string root = SoundsRoot();
        var cache = new PromptCache();
        foreach (string name in RequiredPrompts)
        {
            string? path = PromptCache.Resolve(root, language, name, defaultLanguage: "none");
            Assert.That(path, Is.Not.Null, $"{language}/{name}.wav is missing");
            using (WavReader reader = WavReader.Open(path!))
            {
                Assert.That(reader.Format, Is.EqualTo(new WavFormat(WavEncoding.Pcm16, 8000, 1)), path);
                Assert.That(reader.Duration, Is.InRange(TimeSpan.FromSeconds(0.3), TimeSpan.FromSeconds(10)), path);
            }

            Assert.That(cache.Get(path!, new MediaFormat(0, "PCMU", 8000)).FrameCount, Is.GreaterThan(10), path);
        }
    }

    [Test]
    public void Music_on_hold_is_about_20_seconds_at_a_moderate_level()
    {
        WavAudio music = WavReader.ReadAll(Path.Combine(SoundsRoot(), "music", "default.wav"));

        Assert.That(music.Format, Is.EqualTo(new WavFormat(WavEncoding.Pcm16, 8000, 1)));
        Assert.That(music.Samples.Length / 8000.0, Is.InRange(15, 30));
        double peak = music.Samples.Max(sample => Math.Abs((int)sample)) / 32768.0;
        Assert.That(20 * Math.Log10(peak), Is.InRange(-18, -6), "peak level in dBFS");
    }

    [Test]
    [Description("Talk-off: none of the prompts and music the switch plays to callers looks like a DTMF digit")]
    public void No_shipped_prompt_or_music_is_detected_as_a_digit()
    {
        var files = Directory.GetFiles(SoundsRoot(), "*.wav", SearchOption.AllDirectories);
        Assert.That(files, Has.Length.GreaterThan(20));
        foreach (var file in files)
        {
            var audio = WavReader.ReadAll(file);
            Assert.That(audio.Format.SampleRate, Is.EqualTo(InBandDtmfDetector.SampleRate), file);
            var samples = audio.Samples;
            var detected = DetectedDigits.Run(samples, new InBandDtmfDetectorOptions { MinimumToneLevelDbm0 = -50 });
            Assert.That(detected.Started, Is.Empty, $"{file}: " + string.Join(", ", detected.Started));
        }
    }
}
