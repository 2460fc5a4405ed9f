using Softswitch.Media.Audio;
using Softswitch.Media.Codecs;
using Softswitch.Media.Playback;
using Softswitch.Media.Sdp;
using Softswitch.Media.Tests.Audio;
using Softswitch.Media.Tests.Playback.Support;

namespace Softswitch.Media.Tests.Playback;

public sealed class PromptCacheTests
{
    private static readonly MediaFormat Pcmu = new(0, "PCMU", 8000);
    private static readonly MediaFormat Pcma = new(8, "PCMA", 8000);
    private static readonly MediaFormat Opus = new(111, "opus", 48000, 2);

    private TempFolder _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = new TempFolder();

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    private string WriteTone(string name, double frequency, int sampleRate, int samples, double amplitude = 16000)
    {
        string path = _folder.File(name);
        TestAudio.WriteWav(path, sampleRate, SignalMeasure.Sine(frequency, sampleRate, samples, amplitude));
        return path;
    }

    [Test]
    public void A_prompt_is_encoded_once_and_the_same_instance_is_shared()
    {
        string path = WriteTone("hello.wav", 1000, 8000, 8000);
        var cache = new PromptCache();

        EncodedAudio first = cache.Get(path, Pcmu);
        EncodedAudio second = cache.Get(path, new MediaFormat(96, "pcmu", 8000));

        Assert.That(second, Is.SameAs(first));
        Assert.That(cache.EncodeCount, Is.EqualTo(1));
        Assert.That(cache.Count, Is.EqualTo(1));
    }

    [Test]
    public void The_cache_never_holds_more_than_its_bound_of_encodings()
    {
        // Every voicemail message played and every synthesized sentence is an entry of its own: here, distinct tones.
        var cache = new PromptCache();
        EncodedAudio? first = null;

        for (var i = 0; i < PromptCache.MaxEntries + 100; i++)
        {
            var audio = cache.GetTone(new TonePattern(300 + i * 0.25, 0, -10, 100, 100), Pcma);
            first ??= audio;
            Assert.That(cache.Count, Is.LessThanOrEqualTo(PromptCache.MaxEntries));
        }

        Assert.That(first!.FrameCount, Is.EqualTo(10), "what a call got before the cache started over is still whole");
        Assert.That(cache.GetTone(new TonePattern(300, 0, -10, 100, 100), Pcma).FrameCount, Is.EqualTo(10));
    }

    [Test]
    public async Task Concurrent_first_requests_encode_once()
    {
        string path = WriteTone("hello.wav", 1000, 16000, 160000);
        var cache = new PromptCache();
        using var start = new Barrier(8);

        EncodedAudio[] results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            return cache.Get(path, Pcmu);
        })));

        Assert.That(results.Distinct().Count(), Is.EqualTo(1));
        Assert.That(cache.EncodeCount, Is.EqualTo(1));
    }

    [Test]
    public void Each_codec_gets_its_own_encoding()
    {
        string path = WriteTone("hello.wav", 1000, 8000, 8000);
        var cache = new PromptCache();

        EncodedAudio mu = cache.Get(path, Pcmu);
        EncodedAudio a = cache.Get(path, Pcma);

        Assert.That(a, Is.Not.SameAs(mu));
        Assert.That(a.CodecKey, Is.EqualTo("PCMA/8000"));
        Assert.That(mu.CodecKey, Is.EqualTo("PCMU/8000"));
        Assert.That(cache.EncodeCount, Is.EqualTo(2));
    }

    [Test]
    public void A_changed_file_is_encoded_again()
    {
        string path = WriteTone("hello.wav", 1000, 8000, 8000);
        var cache = new PromptCache();
        EncodedAudio before = cache.Get(path, Pcmu);

        WriteTone("hello.wav", 500, 8000, 16000);
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddSeconds(5));
        EncodedAudio after = cache.Get(path, Pcmu);

        Assert.That(after, Is.Not.SameAs(before));
        Assert.That(before.FrameCount, Is.EqualTo(50));
        Assert.That(after.FrameCount, Is.EqualTo(100));
        Assert.That(cache.Get(path, Pcmu), Is.SameAs(after));
        Assert.That(cache.EncodeCount, Is.EqualTo(2));
        Assert.That(cache.Count, Is.EqualTo(1), "the stale encoding is replaced, not kept");
    }

    [Test]
    public void A_16_kHz_file_becomes_PCMU_frames_that_decode_back_to_the_tone()
    {
        // 1.01 s: 50 whole frames and a 10 ms remainder padded with silence into frame 51.
        string path = WriteTone("tone16k.wav", 1000, 16000, 16160);

        EncodedAudio audio = new PromptCache().Get(path, Pcmu);

        Assert.That(audio.FrameCount, Is.EqualTo(51));
        Assert.That(audio.SamplesPerFrame, Is.EqualTo(160));
        Assert.That(audio.Duration, Is.EqualTo(TimeSpan.FromMilliseconds(1020)));
        short[] pcm = TestAudio.Decode(audio, PcmuCodec.Instance);
        ReadOnlySpan<short> middle = pcm.AsSpan(2000, 4000);
        Assert.That(SignalMeasure.ToneAmplitude(middle, 1000, 8000), Is.EqualTo(16000).Within(800));
        Assert.That(SignalMeasure.ToneAmplitude(middle, 2500, 8000), Is.LessThan(200));
        Assert.That(SignalMeasure.Rms(pcm.AsSpan(8120, 40)), Is.LessThan(100), "the last frame is padded with silence");
        Assert.That(SignalMeasure.Rms(pcm.AsSpan(0, 80)), Is.GreaterThan(5000), "the prompt starts at once, no resampler delay");
    }

    [Test]
    public void Opus_round_trip_keeps_the_tone()
    {
        Assert.That(OpusLibrary.IsAvailable, Is.True, "libopus is required: apt-get install -y libopus0");
        string path = WriteTone("tone8k.wav", 440, 8000, 8000);

        EncodedAudio audio = new PromptCache().Get(path, Opus);

        Assert.That(audio.FrameCount, Is.EqualTo(50));
        Assert.That(audio.SamplesPerFrame, Is.EqualTo(960));
        Assert.That(audio.EncodingName, Is.EqualTo("opus"));
        using var decoder = new OpusCodec(channels: 1);
        short[] pcm = TestAudio.Decode(audio, decoder);
        ReadOnlySpan<short> middle = pcm.AsSpan(9600, 24000);
        Assert.That(SignalMeasure.Decibels(SignalMeasure.ToneAmplitude(middle, 440, 48000) / 16000), Is.InRange(-3.0, 1.0));
        Assert.That(SignalMeasure.ToneAmplitude(middle, 1500, 48000), Is.LessThan(500));
    }

    [Test]
    public void A_stereo_file_is_mixed_down_to_mono()
    {
        string path = _folder.File("stereo.wav");
        short[] left = SignalMeasure.Sine(600, 8000, 8000, 12000);
        short[] right = SignalMeasure.Sine(1400, 8000, 8000, 12000);
        using (var writer = new WavWriter(path, 8000, 2))
        {
            writer.WriteStereo(left, right);
        }

        short[] pcm = TestAudio.Decode(new PromptCache().Get(path, Pcmu), PcmuCodec.Instance);

        Assert.That(SignalMeasure.ToneAmplitude(pcm.AsSpan(1000, 4000), 600, 8000), Is.EqualTo(6000).Within(400));
        Assert.That(SignalMeasure.ToneAmplitude(pcm.AsSpan(1000, 4000), 1400, 8000), Is.EqualTo(6000).Within(400));
    }

    [Test]
    public async Task A_law_WAV_files_from_sox_are_read()
    {
        string path = _folder.File("alaw.wav");
        await Sox.RunAsync("-n", "-r", "8000", "-c", "1", "-e", "a-law", path, "synth", "0.5", "sine", "700", "vol", "0.5");

        EncodedAudio audio = new PromptCache().Get(path, Pcmu);

        Assert.That(audio.FrameCount, Is.EqualTo(25));
        short[] pcm = TestAudio.Decode(audio, PcmuCodec.Instance);
        Assert.That(SignalMeasure.ToneAmplitude(pcm.AsSpan(800, 2400), 700, 8000), Is.EqualTo(16384).Within(1200));
    }

    [Test]
    public void A_missing_file_throws_PromptLoadException_with_the_path()
    {
        string path = _folder.File("nothing.wav");

        var error = Assert.Throws<PromptLoadException>(() => new PromptCache().Get(path, Pcmu));

        Assert.That(error!.Path, Is.EqualTo(path));
        Assert.That(error.Reason, Does.Contain("not found"));
    }

    [Test]
    public void A_file_that_is_not_a_WAV_throws_and_is_retried_once_fixed()
    {
        string path = _folder.File("broken.wav");
        File.WriteAllText(path, "this is not audio at all, just some text in a file");
        var cache = new PromptCache();

        var error = Assert.Throws<PromptLoadException>(() => cache.Get(path, Pcmu));
        Assert.That(error!.Path, Is.EqualTo(path));
        Assert.That(error.Reason, Does.Contain("NotRiffWave"));

        WriteTone("broken.wav", 1000, 8000, 800);
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddSeconds(5));
        Assert.That(cache.Get(path, Pcmu).FrameCount, Is.EqualTo(5));
    }

    [Test]
    public void A_codec_we_cannot_encode_throws_PromptLoadException()
    {
        string path = WriteTone("hello.wav", 1000, 8000, 800);

        var error = Assert.Throws<PromptLoadException>(() => new PromptCache().Get(path, new MediaFormat(9, "G722", 8000)));

        Assert.That(error!.Reason, Does.Contain("G722"));
    }

    [Test]
    public void A_cadenced_tone_is_one_cycle_of_on_then_off_frames()
    {
        var cache = new PromptCache();

        EncodedAudio busy = cache.GetTone(CallProgressTones.BusyEurope, Pcmu);

        Assert.That(busy.FrameCount, Is.EqualTo(50), "0.5 s on + 0.5 s off");
        Assert.That(busy.Source, Does.Contain("425"));
        short[] pcm = TestAudio.Decode(busy, PcmuCodec.Instance);
        double expected = CallProgressTones.BusyEurope.Amplitude;
        for (int frame = 0; frame < 50; frame++)
        {
            ReadOnlySpan<short> samples = pcm.AsSpan(frame * 160, 160);
            if (frame < 25)
            {
                Assert.That(SignalMeasure.Rms(samples), Is.EqualTo(expected / Math.Sqrt(2)).Within(expected * 0.1), $"frame {frame} is on");
            }
            else
            {
                Assert.That(SignalMeasure.Rms(samples), Is.LessThan(10), $"frame {frame} is off");
            }
        }
    }

    [Test]
    public void A_continuous_tone_is_one_second_and_an_equal_pattern_hits_the_cache()
    {
        var cache = new PromptCache();

        EncodedAudio dial = cache.GetTone(CallProgressTones.DialToneEurope, Pcma);
        EncodedAudio again = cache.GetTone(new TonePattern(425, 0, CallProgressTones.DefaultLevelDbm0), Pcma);

        Assert.That(dial.FrameCount, Is.EqualTo(50));
        Assert.That(again, Is.SameAs(dial));
        short[] pcm = TestAudio.Decode(dial, PcmaCodec.Instance);
        Assert.That(SignalMeasure.ToneAmplitude(pcm, 425, 8000), Is.EqualTo(CallProgressTones.DialToneEurope.Amplitude).Within(300));
    }

    [Test]
    public void Resolve_prefers_the_language_then_the_default_then_gives_null()
    {
        Directory.CreateDirectory(_folder.File("en/digits"));
        Directory.CreateDirectory(_folder.File("ms"));
        WriteTone("en/goodbye.wav", 1000, 8000, 80);
        WriteTone("ms/goodbye.wav", 1000, 8000, 80);
        WriteTone("en/digits/5.wav", 1000, 8000, 80);

        Assert.That(PromptCache.Resolve(_folder.Path, "ms", "goodbye", "en"), Is.EqualTo(_folder.File("ms/goodbye.wav")));
        Assert.That(PromptCache.Resolve(_folder.Path, "ms", "digits/5", "en"), Is.EqualTo(_folder.File("en/digits/5.wav")));
        Assert.That(PromptCache.Resolve(_folder.Path, "ms", "welcome", "en"), Is.Null);
        Assert.That(PromptCache.Resolve(_folder.Path, "en", "../en/goodbye", "en"), Is.Null, "a name may not leave the sounds folder");
        Assert.That(PromptCache.Resolve(_folder.Path, "..", "goodbye", "en"), Is.EqualTo(_folder.File("en/goodbye.wav")));
    }
}
