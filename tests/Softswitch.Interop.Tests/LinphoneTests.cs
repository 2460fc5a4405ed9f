using System.Globalization;
using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests;

/// <summary>
/// The *43 echo test with linphonec (linphone-cli 5.1), a second real softphone, headless with its file-based sound,
/// in a private network namespace (see Scripts/linphone-echo.sh): it registers with digest, hears its 1 kHz tone
/// come back over G.711 and over Opus, and its digits arrive once each whether sent as RFC 4733 events,
/// in-band tones or SIP INFO. Every call ends with linphonec's "terminate".
/// </summary>
[TestFixture, NonParallelizable]
public sealed class LinphoneTests
{
    private static Dictionary<string, string> _results = null!;
    private static string _log = "";

    [OneTimeSetUp]
    public async Task RunTheCalls()
    {
        Assert.That(Environment.UserName, Is.EqualTo("root"), "network namespaces need root (CI runs as root)");
        Assert.That(Tool.IsInstalled("linphonec"), Is.True, "linphonec missing: run tests/install-test-tools.sh as root");
        var work = Directory.CreateTempSubdirectory("linphone-echo-").FullName;
        var script = Path.Combine(AppContext.BaseDirectory, "Scripts", "linphone-echo.sh");
        var dll = Path.Combine(AppContext.BaseDirectory, "softswitch.dll");
        var result = await Tool.RunAsync("unshare", ["-n", "bash", script, dll, work], TimeSpan.FromSeconds(90));
        _log = result + "\n--- softswitch.out\n" + ReadOrEmpty(Path.Combine(work, "softswitch.out")) +
               "\n--- g711/linphonec.out\n" + ReadOrEmpty(Path.Combine(work, "g711", "linphonec.out")) +
               "\n--- opus/linphonec.out\n" + ReadOrEmpty(Path.Combine(work, "opus", "linphonec.out"));
        _results = result.StandardOutput.Split('\n')
            .Select(line => line.Trim().Split('=', 2))
            .Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[0])
            .ToDictionary(g => g.Key, g => g.Last()[1].Trim());
        try
        {
            Directory.Delete(work, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string ReadOrEmpty(string path) => File.Exists(path) ? File.ReadAllText(path) : "";

    private static double Number(string key)
    {
        Assert.That(_results.TryGetValue(key, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
            Is.True, $"{key} missing\n{_log}");
        return double.Parse(_results[key], CultureInfo.InvariantCulture);
    }

    /// <summary>TESTING.md: a tone is present when the 1 kHz band is within 3 dB of the total level.</summary>
    private static void AssertTone(string totalKey, string bandKey)
    {
        var total = Number(totalKey);
        Assert.That(total, Is.GreaterThan(-40), $"{totalKey}: not silence\n{_log}");
        Assert.That(Number(bandKey), Is.GreaterThan(total - 3), $"{bandKey}\n{_log}");
    }

    [Test, Description("RFC 3261 §22.2: linphonec answers the 401 with a digest Authorization and is registered")]
    public void Linphonec_registers_as_1001_with_digest()
    {
        Assert.That(Number("REGISTER_CHALLENGED"), Is.GreaterThanOrEqualTo(2), "each phone challenged\n" + _log);
        Assert.That(Number("REGISTER_DIGEST_SENT"), Is.GreaterThanOrEqualTo(2), _log);
        Assert.That(Number("G711_REGISTERED"), Is.GreaterThanOrEqualTo(1), _log);
        Assert.That(Number("OPUS_REGISTERED"), Is.GreaterThanOrEqualTo(1), _log);
    }

    [Test]
    public void Every_call_is_answered_and_ended_by_linphonecs_terminate()
    {
        Assert.That(_results.GetValueOrDefault("ANSWERED"), Is.EqualTo("4"), _log);
        Assert.That(_results.GetValueOrDefault("PCMU_ANSWERED"), Is.EqualTo("3"), _log);
        Assert.That(_results.GetValueOrDefault("ENDED_BY_BYE"), Is.EqualTo("4"), _log);
        Assert.That(_results.GetValueOrDefault("G711_PHONE_EXIT"), Is.EqualTo("0"), "linphonec quit by itself\n" + _log);
        Assert.That(_results.GetValueOrDefault("OPUS_PHONE_EXIT"), Is.EqualTo("0"), "linphonec quit by itself\n" + _log);
    }

    [Test]
    public void The_g711_phone_hears_its_tone_come_back() => AssertTone("G711_HEARD_TOTAL_DB", "G711_HEARD_1K_DB");

    [Test, Description("RFC 4733: linphone's default DTMF method; each digit once, in order")]
    public void Rfc4733_digits_from_linphonec_are_logged_once_each() =>
        Assert.That(_results.GetValueOrDefault("RFC4733_DIGITS"), Is.EqualTo("159#"), _log);

    [Test, Description("In-band DTMF (Goertzel) in linphone's PCMU audio; each digit once, in order")]
    public void In_band_digits_from_linphonec_are_logged_once_each() =>
        Assert.That(_results.GetValueOrDefault("INBAND_DIGITS"), Is.EqualTo("159#"), _log);

    [Test, Description("SIP INFO application/dtmf-relay (linphone use_info=1); each digit once, in order")]
    public void Sip_info_digits_from_linphonec_are_logged_once_each() =>
        Assert.That(_results.GetValueOrDefault("SIPINFO_DIGITS"), Is.EqualTo("159#"), _log);

    [Test, Description("RFC 7587: an Opus-only linphone gets opus/48000/2 and hears its tone back")]
    public void An_opus_only_call_echoes_the_tone()
    {
        Assert.That(_results.GetValueOrDefault("OPUS_PHONE_CODECS"), Is.EqualTo("opus/48000/2"), _log);
        Assert.That(_results.GetValueOrDefault("OPUS_ANSWERED"), Is.EqualTo("1"), _log);
        AssertTone("OPUS_HEARD_TOTAL_DB", "OPUS_HEARD_1K_DB");
    }
}
