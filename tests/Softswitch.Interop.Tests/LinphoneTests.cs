using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests;

/// <summary>
/// The *43 echo test with linphonec (linphone-cli 5.1), a second real softphone, headless with its file-based sound,
/// in a private network namespace (see Scripts/linphone-echo.sh): it registers with digest, hears its 1 kHz tone
/// come back over G.711 and over Opus, and its digits arrive once each whether sent as RFC 4733 events,
/// in-band tones or SIP INFO. Every call ends with linphonec's "terminate".
/// </summary>
[TestFixture]
public sealed class LinphoneTests
{
    private static Dictionary<string, string> _results = null!;
    private static string _log = "";
    private static NamespaceScript _run = null!;

    [OneTimeSetUp]
    public async Task RunTheCalls()
    {
        Assert.That(Environment.UserName, Is.EqualTo("root"), "network namespaces need root (CI runs as root)");
        Assert.That(Tool.IsInstalled("linphonec"), Is.True, "linphonec missing: run tests/install-test-tools.sh as root");
        _run = await NamespaceScript.RunAsync("linphone-echo.sh", TimeSpan.FromSeconds(90), "softswitch.out", "g711/linphonec.out", "opus/linphonec.out");
        _results = _run.Results;
        _log = _run.Log;
    }

    private static double Number(string key) => _run.Number(key);

    private static void AssertTone(string totalKey, string bandKey) => _run.AssertTone(totalKey, bandKey);

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
