using Microsoft.Extensions.Logging;
using Softswitch.Ivr.Speech;

namespace Softswitch.Ivr.Tests.Speech;

/// <summary>Runs the real espeak-ng (tests/install-test-tools.sh installs it); wrapper scripts count or stall its runs.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class EspeakSynthesizerTests
{
    private string _folder = "";
    private CapturingLogger<EspeakSynthesizer> _logger = null!;

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "ivr-speech-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _logger = new CapturingLogger<EspeakSynthesizer>();
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private string CacheFolder => Path.Combine(_folder, "cache");

    private EspeakSynthesizer Synthesizer(int sampleRate = 8000, string espeakPath = "espeak-ng", double timeoutSeconds = 20) =>
        new(new EspeakSynthesizerOptions
        {
            CacheFolder = CacheFolder,
            SampleRate = sampleRate,
            EspeakPath = espeakPath,
            Timeout = TimeSpan.FromSeconds(timeoutSeconds),
        }, _logger);

    /// <summary>A script that notes each run in runs.txt, then runs the real espeak-ng.</summary>
    private string CountingEspeak()
    {
        return Script("counting-espeak.sh", $"echo run >> '{_folder}/runs.txt'\nexec espeak-ng \"$@\"");
    }

    private string Script(string name, string body)
    {
        string script = Path.Combine(_folder, name);
        File.WriteAllText(script, $"#!/bin/sh\n{body}\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return script;
    }

    private int Runs => File.Exists(Path.Combine(_folder, "runs.txt")) ? File.ReadAllLines(Path.Combine(_folder, "runs.txt")).Length : 0;

    private static (short[] Samples, int Rate) ReadWav(string path)
    {
        Assert.That(PcmWav.TryRead(File.ReadAllBytes(path), out short[] samples, out int rate, out string? error), Is.True, error);
        return (samples, rate);
    }

    private static double RmsDbfs(short[] samples) =>
        20 * Math.Log10(Math.Sqrt(samples.Average(sample => (double)sample * sample)) / 32768);

    [TestCase("en", "Your balance is twelve ringgit.", 8000)]
    [TestCase("ms", "Baki akaun anda ialah dua belas ringgit.", 8000)]
    [TestCase("id", "Saldo Anda adalah dua belas ribu rupiah.", 16000)]
    public async Task Text_becomes_a_mono_16_bit_wav_at_the_configured_rate_with_speech_in_it(string language, string text, int rate)
    {
        string? path = await Synthesizer(rate).SynthesizeAsync(text, language);

        Assert.That(path, Is.Not.Null, string.Join("\n", _logger.Entries.Select(entry => entry.Message)));
        Assert.That(Path.GetDirectoryName(path), Is.EqualTo(Path.GetFullPath(CacheFolder)));
        Assert.That(Path.GetFileName(path), Does.StartWith($"{language}-{rate}-").And.EndWith(".wav"));
        byte[] header = File.ReadAllBytes(path!)[..44];
        Assert.That(BitConverter.ToInt16(header, 22), Is.EqualTo(1), "mono");
        Assert.That(BitConverter.ToInt32(header, 24), Is.EqualTo(rate));
        Assert.That(BitConverter.ToInt16(header, 34), Is.EqualTo(16), "bits per sample");
        (short[] samples, int readRate) = ReadWav(path!);
        Assert.That(readRate, Is.EqualTo(rate));
        Assert.That(samples.Length / (double)rate, Is.InRange(1.0, 6.0), "seconds of speech");
        Assert.That(RmsDbfs(samples), Is.GreaterThan(-35), "speech, not silence");
        Assert.That(Directory.GetFiles(CacheFolder), Has.Length.EqualTo(1), "no temporary files left behind");
    }

    [Test]
    public async Task The_same_text_again_is_read_from_the_cache_without_running_espeak_ng()
    {
        EspeakSynthesizer synthesizer = Synthesizer(espeakPath: CountingEspeak());

        string? first = await synthesizer.SynthesizeAsync("Please hold.", "en");
        byte[] written = File.ReadAllBytes(first!);
        string? second = await synthesizer.SynthesizeAsync("  Please\nhold. ", "en");
        string? again = await Synthesizer(espeakPath: CountingEspeak()).SynthesizeAsync("Please hold.", "en");
        string? upperCase = await synthesizer.SynthesizeAsync("Please hold.", "EN");

        Assert.That(first, Is.Not.Null);
        Assert.That(second, Is.EqualTo(first), "the same words with other spacing");
        Assert.That(again, Is.EqualTo(first), "a new synthesizer on the same folder");
        Assert.That(upperCase, Is.EqualTo(first), "language tags are case-insensitive");
        Assert.That(File.ReadAllBytes(first!), Is.EqualTo(written), "the file as first written");
        Assert.That(Runs, Is.EqualTo(1));
    }

    [Test]
    public async Task Another_voice_or_rate_is_cached_apart()
    {
        string? english = await Synthesizer(espeakPath: CountingEspeak()).SynthesizeAsync("Terima kasih.", "en");
        string? malay = await Synthesizer(espeakPath: CountingEspeak()).SynthesizeAsync("Terima kasih.", "ms");
        string? wideband = await Synthesizer(16000, CountingEspeak()).SynthesizeAsync("Terima kasih.", "ms");

        Assert.That(new[] { english, malay, wideband }, Is.Unique.And.All.Not.Null);
        Assert.That(Runs, Is.EqualTo(3));
        Assert.That(ReadWav(wideband!).Rate, Is.EqualTo(16000));
    }

    [Test]
    public async Task Concurrent_requests_for_the_same_text_run_espeak_ng_once()
    {
        EspeakSynthesizer synthesizer = Synthesizer(espeakPath: CountingEspeak());

        string?[] paths = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => synthesizer.SynthesizeAsync("Sorry, nobody is available.", "en"))));

        Assert.That(paths, Is.All.Not.Null);
        Assert.That(paths.Distinct().Count(), Is.EqualTo(1));
        Assert.That(Runs, Is.EqualTo(1));
    }

    [Test]
    public async Task A_missing_espeak_ng_gives_null_and_logs_why()
    {
        string missing = Path.Combine(_folder, "no-such-espeak-ng");

        string? path = await Synthesizer(espeakPath: missing).SynthesizeAsync("Hello.", "en");

        Assert.That(path, Is.Null);
        Assert.That(_logger.Entries, Has.One.Matches<(LogLevel Level, EventId Id, string Message)>(
            entry => entry.Level == LogLevel.Warning && entry.Message.Contains(missing, StringComparison.Ordinal) && entry.Message.Contains("apt-get install", StringComparison.Ordinal)));
        Assert.That(Directory.Exists(CacheFolder) ? Directory.GetFiles(CacheFolder) : [], Is.Empty);
    }

    [Test]
    public async Task An_espeak_ng_that_hangs_is_killed_after_the_timeout()
    {
        string pidFile = Path.Combine(_folder, "pid");
        string script = Script("hanging-espeak.sh", $"echo $$ > '{pidFile}'\nexec sleep 30");
        var watch = System.Diagnostics.Stopwatch.StartNew();

        string? path = await Synthesizer(espeakPath: script, timeoutSeconds: 0.5).SynthesizeAsync("Hello.", "en");

        Assert.That(path, Is.Null);
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
        int pid = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(Directory.Exists($"/proc/{pid}"), Is.False, $"process {pid} is still running");
        Assert.That(_logger.Entries, Has.One.Matches<(LogLevel Level, EventId Id, string Message)>(
            entry => entry.Level == LogLevel.Warning && entry.Message.Contains($"pid {pid}", StringComparison.Ordinal) && entry.Message.Contains("killed", StringComparison.Ordinal)));
    }

    [Test]
    public async Task A_voice_espeak_ng_does_not_have_gives_null_with_its_message()
    {
        string? path = await Synthesizer().SynthesizeAsync("Hello.", "zz");

        Assert.That(path, Is.Null);
        Assert.That(_logger.Entries.Select(entry => entry.Message), Has.One.Contains("voice does not exist"));
    }

    [TestCase("../en", "Hello.")]
    [TestCase("en", "   ")]
    public async Task A_language_that_is_not_a_voice_name_or_empty_text_is_refused_without_running_anything(string language, string text)
    {
        string? path = await Synthesizer(espeakPath: CountingEspeak()).SynthesizeAsync(text, language);

        Assert.That(path, Is.Null);
        Assert.That(Runs, Is.EqualTo(0));
        Assert.That(_logger.Entries, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Text_that_looks_like_an_option_is_spoken_not_obeyed()
    {
        string target = Path.Combine(_folder, "evil.wav");

        string? path = await Synthesizer().SynthesizeAsync($"-w {target}", "en");

        Assert.That(path, Is.Not.Null);
        Assert.That(File.Exists(target), Is.False);
        Assert.That(ReadWav(path!).Samples.Length, Is.GreaterThan(8000 / 2));
    }

    [Test]
    public void Only_telephone_and_wideband_rates_are_accepted()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Synthesizer(sampleRate: 22050));
    }
}
