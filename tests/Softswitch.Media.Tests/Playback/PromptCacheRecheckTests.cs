using Microsoft.Extensions.Time.Testing;
using Softswitch.Media.Audio;
using Softswitch.Media.Playback;
using Softswitch.Media.Sdp;
using Softswitch.Media.Tests.Audio;
using Softswitch.Media.Tests.Playback.Support;

namespace Softswitch.Media.Tests.Playback;

/// <summary>The switch's cache reuses what a stat said about a prompt file for a second instead of asking per call.</summary>
public sealed class PromptCacheRecheckTests
{
    private static readonly MediaFormat Pcmu = new(0, "PCMU", 8000);
    private static readonly TimeSpan Recheck = TimeSpan.FromSeconds(1);

    private TempFolder _folder = null!;
    private FakeTimeProvider _time = null!;

    [SetUp]
    public void CreateFolder()
    {
        _folder = new TempFolder();
        _time = new FakeTimeProvider();
    }

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    private string WriteTone(string relativePath, double frequency, int samples)
    {
        string path = _folder.File(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        TestAudio.WriteWav(path, 8000, SignalMeasure.Sine(frequency, 8000, samples, 16000));
        return path;
    }

    [Test]
    public void A_replaced_prompt_is_encoded_again_once_the_recheck_interval_has_passed()
    {
        string path = WriteTone("hello.wav", 1000, 8000);
        var cache = new PromptCache(_time, Recheck);
        EncodedAudio before = cache.Get(path, Pcmu);

        WriteTone("hello.wav", 500, 16000);
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddSeconds(5));
        _time.Advance(TimeSpan.FromMilliseconds(900));
        Assert.That(cache.Get(path, Pcmu), Is.SameAs(before), "within the interval the last check stands");

        _time.Advance(TimeSpan.FromMilliseconds(200));
        EncodedAudio after = cache.Get(path, Pcmu);

        Assert.That(after.FrameCount, Is.EqualTo(100));
        Assert.That(before.FrameCount, Is.EqualTo(50));
        Assert.That(cache.EncodeCount, Is.EqualTo(2));
    }

    [Test]
    public void A_prompt_that_appears_on_disk_is_found_at_once()
    {
        var cache = new PromptCache(_time, Recheck);
        Assert.That(cache.Locate(_folder.Path, "ms", "welcome"), Is.Null);

        string malay = WriteTone(Path.Combine("ms", "welcome.wav"), 1000, 800);

        Assert.That(cache.Locate(_folder.Path, "ms", "welcome"), Is.EqualTo(malay), "a missing file is not remembered as missing");
        Assert.That(cache.Exists(malay), Is.True);
    }

    [Test]
    public void A_deleted_prompt_is_seen_as_gone_after_the_recheck_interval()
    {
        string english = WriteTone(Path.Combine("en", "welcome.wav"), 1000, 800);
        var cache = new PromptCache(_time, Recheck);
        Assert.That(cache.Locate(_folder.Path, "ms", "welcome"), Is.EqualTo(english), "falls back to the default language");

        File.Delete(english);
        Assert.That(cache.Exists(english), Is.True, "within the interval the last check stands");
        _time.Advance(Recheck);

        Assert.That(cache.Locate(_folder.Path, "ms", "welcome"), Is.Null);
        Assert.That(() => cache.Get(english, Pcmu), Throws.TypeOf<PromptLoadException>());
    }

    [Test]
    public void Without_an_interval_every_lookup_asks_the_disk()
    {
        string path = WriteTone("hello.wav", 1000, 800);
        var cache = new PromptCache();
        Assert.That(cache.Exists(path), Is.True);

        File.Delete(path);

        Assert.That(cache.Exists(path), Is.False);
    }
}
