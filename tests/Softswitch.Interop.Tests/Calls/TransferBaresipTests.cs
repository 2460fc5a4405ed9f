using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Calls;

/// <summary>
/// Blind transfer from a real softphone (Scripts/transfer-baresip.sh): baresip 1001 calls baresip 1002, which transfers
/// the call to baresip 1003 with its /transfer command (REFER, RFC 3515). Alice then talks to Carol through the switch.
/// </summary>
[TestFixture]
public sealed class TransferBaresipTests
{
    private static NamespaceScript _run = null!;

    [OneTimeSetUp]
    public async Task RunTheCall()
    {
        Assert.That(Environment.UserName, Is.EqualTo("root"), "network namespaces need root (CI runs as root)");
        _run = await NamespaceScript.RunAsync("transfer-baresip.sh", TimeSpan.FromSeconds(90), "softswitch.out", "alice.out", "bob.out", "carol.out");
    }

    [Test, Description("RFC 3515: baresip's REFER is accepted and the transferee is bridged to the target when it answers")]
    public void The_switch_takes_the_phones_refer_and_connects_the_caller_to_the_target()
    {
        Assert.That(_run.Results.GetValueOrDefault("REFERRED"), Is.EqualTo("1"), _run.Log);
        Assert.That(_run.Results.GetValueOrDefault("TRANSFERRED"), Is.EqualTo("1"), _run.Log);
        Assert.That(_run.Results.GetValueOrDefault("BOB_CALL_ENDED"), Is.EqualTo("1"), "the transferor's call ended after the transfer\n" + _run.Log);
    }

    [Test]
    public void The_target_hears_the_caller_and_not_the_transferor()
    {
        _run.AssertTone("CAROL_TOTAL_DB", "CAROL_1K_DB");
        Assert.That(_run.Number("CAROL_2K_DB"), Is.LessThan(_run.Number("CAROL_TOTAL_DB") - 20), _run.Log);
    }

    [Test]
    public void The_caller_hears_the_target_at_the_end() => _run.AssertTone("ALICE_END_TOTAL_DB", "ALICE_END_400_DB");

    [Test, Description("One calls row: the caller talked to 1003 at the end and hung up")]
    public void The_call_has_one_row_naming_the_target()
    {
        Assert.That(_run.Results.GetValueOrDefault("ROW"), Is.EqualTo("1001|1003|normal|caller"), _run.Log);
        Assert.That(_run.Results.GetValueOrDefault("ALICE_EXIT"), Is.EqualTo("0"), _run.Log);
        Assert.That(_run.Results.GetValueOrDefault("SOFTSWITCH_EXIT"), Is.EqualTo("0"), _run.Log);
    }
}
