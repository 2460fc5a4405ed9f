using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Calls;

/// <summary>
/// Extension to extension with baresip in a private network namespace (Scripts/bridge-baresip.sh): 1001 calls 1002
/// (both PCMU, relayed) and 1003 (Opus, transcoded); each side hears the other's tone; the caller hangs up the first call,
/// the callee the second, and the switch passes each hang-up on with BYE.
/// </summary>
[TestFixture]
public sealed class BridgeBaresipTests
{
    private static Dictionary<string, string> _results = null!;
    private static string _log = "";
    private static NamespaceScript _run = null!;

    [OneTimeSetUp]
    public async Task RunTheCalls()
    {
        Assert.That(Environment.UserName, Is.EqualTo("root"), "network namespaces need root (CI runs as root)");
        _run = await NamespaceScript.RunAsync("bridge-baresip.sh", TimeSpan.FromSeconds(120), "softswitch.out", "alice.out", "bob.out",
            "alice2.out", "carol.out");
        _results = _run.Results;
        _log = _run.Log;
    }

    [Test, Description("Same codec on both legs: the bridge relays the packets")]
    public void Extension_to_extension_each_hears_the_other()
    {
        Assert.That(_results.GetValueOrDefault("ANSWERED_RELAYING"), Is.EqualTo("1"), _log);
        _run.AssertTone("ALICE_TOTAL_DB", "ALICE_400_DB");
        _run.AssertTone("BOB_TOTAL_DB", "BOB_1K_DB");
    }

    [Test, Description("PCMU caller, Opus-only callee: the bridge transcodes both ways")]
    public void A_callee_with_another_codec_is_transcoded()
    {
        Assert.That(_results.GetValueOrDefault("ANSWERED_TRANSCODING"), Is.EqualTo("1"), _log);
        _run.AssertTone("ALICE2_TOTAL_DB", "ALICE2_600_DB");
        _run.AssertTone("CAROL_TOTAL_DB", "CAROL_1K_DB");
    }

    [Test]
    public void The_caller_hanging_up_ends_the_call() =>
        Assert.That(_results.GetValueOrDefault("CALLER_HUNG_UP"), Is.EqualTo("1"), _log);

    [Test, Description("RFC 3261 §15: BYE from the callee is answered and passed on to the caller as a BYE of the switch's own")]
    public void The_callee_hanging_up_hangs_up_the_caller()
    {
        Assert.That(_results.GetValueOrDefault("CALLEE_HUNG_UP"), Is.EqualTo("1"), _log);
        Assert.That(_results.GetValueOrDefault("ALICE2_GOT_BYE"), Is.EqualTo("1"), _log);
    }

    [Test, Description("One calls row per call: who answered, who hung up, each leg's codec, media from both sides")]
    public void Each_call_has_its_row_in_the_calls_table()
    {
        Assert.That(_results.GetValueOrDefault("ROW1"), Is.EqualTo("1002|caller|PCMU|PCMU"), _log);
        Assert.That(_results.GetValueOrDefault("ROW2"), Does.StartWith("1003|callee|PCMU|").And.EndWith("|opus").IgnoreCase, _log);
        foreach (var key in new[] { "ROW1_CALLER_RECEIVED", "ROW1_CALLEE_RECEIVED", "ROW2_CALLER_RECEIVED", "ROW2_CALLEE_RECEIVED" })
        {
            Assert.That(_run.Number(key), Is.GreaterThan(200), key + "\n" + _log); // 8 s of 20 ms packets is 400
        }
    }

    [Test]
    public void The_switch_stops_cleanly_afterwards() => Assert.That(_results.GetValueOrDefault("SOFTSWITCH_EXIT"), Is.EqualTo("0"), _log);
}
