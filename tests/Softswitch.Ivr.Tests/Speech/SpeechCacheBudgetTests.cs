using Softswitch.Ivr.Speech;

namespace Softswitch.Ivr.Tests.Speech;

public sealed class SpeechCacheBudgetTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "speech-budget-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Over_budget_the_least_recently_used_files_go_until_three_quarters_remain()
    {
        var start = DateTime.UtcNow.AddHours(-1);
        for (var i = 0; i < 10; i++) Write($"f{i}.wav", 1000, start.AddMinutes(i));
        var budget = new SpeechCacheBudget(_folder, maxBytes: 10_000);
        Assert.That(budget.Added(1000), Is.Zero, "10,000 bytes: at the budget, not over it");

        SpeechCacheBudget.Touch(Path.Combine(_folder, "f0.wav")); // the oldest was just used again
        Write("f10.wav", 1000, DateTime.UtcNow);
        var removed = budget.Added(1000);

        Assert.That(removed, Is.EqualTo(4), "11,000 → 7,000 bytes, at most three quarters of 10,000");
        Assert.That(Names(), Is.EqualTo(new[] { "f0.wav", "f10.wav", "f5.wav", "f6.wav", "f7.wav", "f8.wav", "f9.wav" }));
    }

    [Test]
    public void Files_other_than_speech_and_a_missing_folder_are_left_alone()
    {
        File.WriteAllBytes(Path.Combine(_folder, "notes.txt"), new byte[50_000]);
        Write("a.wav", 100, DateTime.UtcNow);

        Assert.That(new SpeechCacheBudget(_folder, maxBytes: 1000).Added(100), Is.Zero);
        Assert.That(new SpeechCacheBudget(Path.Combine(_folder, "none"), maxBytes: 1000).Added(100), Is.Zero);
        Assert.That(File.Exists(Path.Combine(_folder, "notes.txt")), Is.True);
    }

    private void Write(string name, int length, DateTime written)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, new byte[length]);
        File.SetLastWriteTimeUtc(path, written);
    }

    private string[] Names() => Directory.GetFiles(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;
}
