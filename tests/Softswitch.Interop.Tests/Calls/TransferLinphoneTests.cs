using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Calls;

/// <summary>
/// Attended transfer from a real softphone (Scripts/transfer-linphone.sh): baresip 1001 calls linphonec 1002, which
/// holds it, calls baresip 1003 and runs "transfer 1 --to-call 2" (REFER with Replaces, RFC 5589 §7). The switch joins
/// 1001 and 1003 inside itself; linphone is told by NOTIFY and hung up in both calls.
/// </summary>
[TestFixture]
public sealed class TransferLinphoneTests
{
    private static NamespaceScript _run = null!;

    [OneTimeSetUp]
    public async Task RunTheCalls()
    {
        Assert.That(Environment.UserName, Is.EqualTo("root"), "network namespaces need root (CI runs as root)");
        _run = await NamespaceScript.RunAsync("transfer-linphone.sh", TimeSpan.FromSeconds(120), "softswitch.out", "alice.out", "carol.out",
            "bob/linphonec.out");
    }

    [Test, Description("RFC 3891 §3: the Replaces in linphone's Refer-To names its call with 1003; that call hands 1003 over")]
    public void The_switch_joins_the_caller_to_the_call_the_transferor_made()
    {
        Assert.That(_run.Results.GetValueOrDefault("ATTENDED"), Is.EqualTo("1"), _run.Log);
        Assert.That(_run.Results.GetValueOrDefault("HANDED_OVER"), Is.EqualTo("1"), _run.Log);
        Assert.That(_run.Results.GetValueOrDefault("TRANSFERRED"), Is.EqualTo("1"), _run.Log);
    }

    [Test, Description("RFC 3515 §2.4.5: the NOTIFY with 200 tells linphone the transfer worked; both its calls end")]
    public void The_transferor_is_told_and_both_its_calls_end()
    {
        Assert.That(_run.Results.GetValueOrDefault("BOB_TOLD_TRANSFERRED"), Is.EqualTo("1"), _run.Log);
        Assert.That(_run.Results.GetValueOrDefault("BOB_CALLS_ENDED"), Is.EqualTo("2"), _run.Log);
        Assert.That(_run.Results.GetValueOrDefault("BOB_EXIT"), Is.EqualTo("0"), _run.Log);
    }

    [Test]
    public void At_the_end_the_target_hears_the_caller_and_not_the_transferor()
    {
        _run.AssertTone("CAROL_END_TOTAL_DB", "CAROL_END_1K_DB");
        Assert.That(_run.Number("CAROL_END_2K_DB"), Is.LessThan(_run.Number("CAROL_END_TOTAL_DB") - 20), _run.Log);
    }

    [Test]
    public void At_the_end_the_caller_hears_the_target() => _run.AssertTone("ALICE_END_TOTAL_DB", "ALICE_END_400_DB");

    [Test, Description("Both calls' rows: the consultation call ended as transferred by 1002, the caller's ended talking to 1003")]
    public void Both_calls_have_rows_that_say_what_happened()
    {
        Assert.That(_run.Results.GetValueOrDefault("ROW_1002"), Is.EqualTo("1003|transferred|caller"), _run.Log);
        Assert.That(_run.Results.GetValueOrDefault("ROW_1001"), Is.EqualTo("1003|normal|caller"), _run.Log);
        Assert.That(_run.Results.GetValueOrDefault("ALICE_EXIT"), Is.EqualTo("0"), _run.Log);
        Assert.That(_run.Results.GetValueOrDefault("SOFTSWITCH_EXIT"), Is.EqualTo("0"), _run.Log);
    }
}
