using Softswitch.Ivr.Speech;

namespace Softswitch.Ivr.Tests.Speech;

/// <summary>
/// The prompts committed under the repository's <c>sounds/</c>: every one a number can be said with and every one the
/// demo flow plays exists in en, ms and id as 8 kHz mono speech, and the text lists and the files match one to one.
/// </summary>
public sealed class CommittedPromptsTests
{
    private static readonly string[] Languages = ["en", "ms", "id"];

    /// <summary>The names the demo flow (ivr-flows/main.yaml) plays.</summary>
    private static readonly string[] DemoPrompts =
    [
        "welcome", "lang-menu", "main-menu", "enter-account", "balance-is", "lookup-failed", "closed",
        "leave-message", "transferring", "invalid", "timeout", "goodbye", "unavailable",
    ];

    private static string SoundsRoot()
    {
        for (var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); folder is not null; folder = folder.Parent)
        {
            string candidate = Path.Combine(folder.FullName, "sounds");
            if (File.Exists(Path.Combine(candidate, "generate-prompts.sh")))
            {
                return candidate;
            }
        }

        Assert.Fail("sounds/generate-prompts.sh not found above the test directory");
        return "";
    }

    /// <summary>The names in sounds/prompts/LANGUAGE.tsv, each line checked to be name, tab, text.</summary>
    private static List<string> ListedNames(string language)
    {
        var names = new List<string>();
        string list = Path.Combine(SoundsRoot(), "prompts", language + ".tsv");
        string[] lines = File.ReadAllLines(list);
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0 || lines[i].StartsWith('#'))
            {
                continue;
            }

            string[] fields = lines[i].Split('\t');
            Assert.That(fields, Has.Length.EqualTo(2), $"{list}:{i + 1}: expected name<TAB>text");
            Assert.That(fields[1].Trim(), Is.Not.Empty, $"{list}:{i + 1}: no text");
            names.Add(fields[0]);
        }

        Assert.That(names, Is.Unique, list);
        return names;
    }

    private static void AssertSpeechWav(string path)
    {
        Assert.That(File.Exists(path), Is.True, $"{path} is missing");
        Assert.That(PcmWav.TryRead(File.ReadAllBytes(path), out short[] samples, out int rate, out string? error), Is.True, $"{path}: {error}");
        Assert.That(rate, Is.EqualTo(8000), path);
        Assert.That(samples.Length / 8000.0, Is.InRange(0.2, 20), $"{path}: seconds");
        double rms = Math.Sqrt(samples.Average(sample => (double)sample * sample)) / 32768;
        Assert.That(20 * Math.Log10(rms), Is.GreaterThan(-35), $"{path}: level in dBFS (silence?)");
    }

    [TestCaseSource(nameof(Languages))]
    public void Every_prompt_a_number_can_be_said_with_and_every_demo_prompt_is_a_speech_wav(string language)
    {
        string folder = Path.Combine(SoundsRoot(), language);
        IReadOnlyCollection<string> numberPrompts = new SpokenNumbers().PromptNames(language);
        Assert.That(numberPrompts, Is.Not.Empty);

        Assert.Multiple(() =>
        {
            foreach (string name in numberPrompts.Concat(DemoPrompts))
            {
                AssertSpeechWav(Path.Combine(folder, name + ".wav"));
            }
        });
    }

    [TestCaseSource(nameof(Languages))]
    public void The_text_list_and_the_committed_files_match_one_to_one(string language)
    {
        string folder = Path.Combine(SoundsRoot(), language);
        var files = Directory.GetFiles(folder, "*.wav", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(folder, path)[..^".wav".Length].Replace('\\', '/'));

        Assert.That(files, Is.EquivalentTo(ListedNames(language)), "regenerate with sounds/generate-prompts.sh " + language);
    }

    [Test]
    public void The_language_menu_says_each_choice_in_its_own_language_with_its_own_key()
    {
        string root = SoundsRoot();
        string Text(string language) => File.ReadAllLines(Path.Combine(root, "prompts", language + ".tsv"))
            .Single(line => line.StartsWith("lang-menu\t", StringComparison.Ordinal)).Split('\t')[1];

        Assert.That(Text("ms"), Is.EqualTo("Untuk Bahasa Melayu, tekan satu."));
        Assert.That(Text("en"), Is.EqualTo("For English, press two."));
        Assert.That(Text("id"), Is.EqualTo("Untuk Bahasa Indonesia, tekan tiga."));
    }

    /// <summary>The words a caller hears: each prompt's text from the list, joined with spaces.</summary>
    private static string Heard(SayKind kind, string value, string language)
    {
        Dictionary<string, string> texts = File.ReadAllLines(Path.Combine(SoundsRoot(), "prompts", language + ".tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .ToDictionary(fields => fields[0], fields => fields[1]);
        Assert.That(new SpokenNumbers().TrySay(kind, value, language, out IReadOnlyList<string> prompts, out string? error), Is.True, error);
        return string.Join(" ", prompts.Select(name => texts[name]));
    }

    [TestCase("en", SayKind.Number, "123", "one hundred and twenty three")]
    [TestCase("en", SayKind.Number, "21", "twenty one")]
    [TestCase("en", SayKind.Number, "1005", "one thousand and five")]
    [TestCase("en", SayKind.Number, "2000005", "two million and five")]
    [TestCase("en", SayKind.Number, "-17", "minus seventeen")]
    [TestCase("en", SayKind.Money, "12.50", "twelve ringit and fifty sen")]
    [TestCase("en", SayKind.Date, "2026-11-23", "twenty-third November twenty twenty six")]
    [TestCase("en", SayKind.Time, "14:05", "two oh five p.m.")]
    [TestCase("en", SayKind.Digits, "1*0#", "one star zero hash")]
    [TestCase("ms", SayKind.Number, "123", "seratus dua puluh tiga")]
    [TestCase("ms", SayKind.Number, "11", "sebelas")]
    [TestCase("ms", SayKind.Number, "12", "dua belas")]
    [TestCase("ms", SayKind.Number, "1000", "seribu")]
    [TestCase("ms", SayKind.Number, "1000000", "sejuta")]
    [TestCase("ms", SayKind.Number, "2000005", "dua juta lima")]
    [TestCase("ms", SayKind.Number, "88", "lapan puluh lapan")]
    [TestCase("ms", SayKind.Money, "12.50", "dua belas ringgit lima puluh sen")]
    [TestCase("ms", SayKind.Date, "2026-08-01", "satu Ogos dua ribu dua puluh enam")]
    [TestCase("ms", SayKind.Time, "14:05", "pukul dua lima minit petang")]
    [TestCase("id", SayKind.Number, "123", "seratus dua puluh tiga")]
    [TestCase("id", SayKind.Number, "11", "sebelas")]
    [TestCase("id", SayKind.Number, "1000", "seribu")]
    [TestCase("id", SayKind.Number, "1000000", "satu juta")]
    [TestCase("id", SayKind.Number, "1000000000", "satu miliar")]
    [TestCase("id", SayKind.Number, "88", "delapan puluh delapan")]
    [TestCase("id", SayKind.Money, "150000", "seratus lima puluh ribu rupiah")]
    [TestCase("id", SayKind.Date, "2026-03-17", "tujuh belas Maret dua ribu dua puluh enam")]
    [TestCase("id", SayKind.Time, "14:05", "pukul empat belas lewat lima menit")]
    [TestCase("id", SayKind.Digits, "0812", "nol delapan satu dua")]
    public void Said_values_read_as_the_right_words_from_the_committed_texts(string language, SayKind kind, string value, string words)
    {
        Assert.That(Heard(kind, value, language), Is.EqualTo(words));
    }
}
