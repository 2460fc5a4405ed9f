using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests;

/// <summary>
/// Music on hold and the two-leg bridge with baresip in a private network namespace (see Scripts/meetme-baresip.sh):
/// a phone on *45 hears the music; on the meet-me *47 a PCMU phone waits with music, an Opus phone joins, each hears
/// the other's tone (transcoded), each call's recording has its own side left and the other right, and when one hangs
/// up the switch hangs up the other with BYE.
/// </summary>
[TestFixture]
public sealed class MeetMeTests
{
    private static Dictionary<string, string> _results = null!;
    private static string _log = "";
    private static NamespaceScript _run = null!;

    [OneTimeSetUp]
    public async Task RunTheCalls()
    {
        Assert.That(Environment.UserName, Is.EqualTo("root"), "network namespaces need root (CI runs as root)");
        _run = await NamespaceScript.RunAsync("meetme-baresip.sh", TimeSpan.FromSeconds(120), "softswitch.out", "alice.out", "bob.out");
        _results = _run.Results;
        _log = _run.Log;
    }

    private static void AssertTone(string totalKey, string bandKey, double margin = 3) => _run.AssertTone(totalKey, bandKey, margin);

    [Test, Description("Both tones of the chord reach the phone: each band about 3 dB under the total")]
    public void A_phone_on_the_music_route_hears_the_music()
    {
        Assert.That(_results.GetValueOrDefault("MUSIC_ANSWERED"), Is.EqualTo("1"), _log);
        AssertTone("MUSIC_TOTAL_DB", "MUSIC_440_DB", margin: 4.5);
        AssertTone("MUSIC_TOTAL_DB", "MUSIC_660_DB", margin: 4.5);
    }

    [Test]
    public void The_first_caller_waits_with_music() => AssertTone("ALICE_WAIT_TOTAL_DB", "ALICE_WAIT_440_DB", margin: 4.5);

    [Test, Description("PCMU <-> Opus: the bridge transcodes both ways")]
    public void Each_caller_hears_the_other_once_bridged()
    {
        Assert.That(_results.GetValueOrDefault("BRIDGED"), Is.EqualTo("1"), _log);
        AssertTone("ALICE_TOTAL_DB", "ALICE_400_DB");
        AssertTone("BOB_TOTAL_DB", "BOB_1K_DB");
    }

    [Test, Description("BYE from either side ends the bridge: the switch sends BYE to the other phone")]
    public void When_one_caller_hangs_up_the_switch_hangs_up_the_other()
    {
        Assert.That(_results.GetValueOrDefault("BOB_HUNG_UP"), Is.EqualTo("1"), _log);
        Assert.That(_results.GetValueOrDefault("BRIDGE_ENDED"), Is.EqualTo("1"), _log);
        Assert.That(_results.GetValueOrDefault("ALICE_HUNG_UP_BY_SWITCH"), Is.EqualTo("1"), _log);
    }

    [Test, Description("Caller left, other side right; 8 kHz for a PCMU call, 16 kHz for an Opus call")]
    public void Each_recording_has_its_caller_left_and_the_other_side_right()
    {
        Assert.That(_results.GetValueOrDefault("REC_ALICE_CHANNELS"), Is.EqualTo("2"), _log);
        Assert.That(_results.GetValueOrDefault("REC_ALICE_RATE"), Is.EqualTo("8000"), _log);
        AssertTone("REC_ALICE_LEFT_TOTAL_DB", "REC_ALICE_LEFT_1K_DB");
        AssertTone("REC_ALICE_RIGHT_TOTAL_DB", "REC_ALICE_RIGHT_400_DB");
        Assert.That(_results.GetValueOrDefault("REC_BOB_CHANNELS"), Is.EqualTo("2"), _log);
        Assert.That(_results.GetValueOrDefault("REC_BOB_RATE"), Is.EqualTo("16000"), _log);
        AssertTone("REC_BOB_LEFT_TOTAL_DB", "REC_BOB_LEFT_400_DB");
        AssertTone("REC_BOB_RIGHT_TOTAL_DB", "REC_BOB_RIGHT_1K_DB");
    }
}
