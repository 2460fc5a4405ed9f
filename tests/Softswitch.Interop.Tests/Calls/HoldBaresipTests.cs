using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Calls;

/// <summary>
/// Hold and resume from baresip on a bridged call (Scripts/hold-baresip.sh): the held party hears the switch's music on
/// hold instead of the caller, and the caller again after the resume.
/// </summary>
[TestFixture]
public sealed class HoldBaresipTests
{
    private static NamespaceScript _run = null!;

    [OneTimeSetUp]
    public async Task RunTheCall()
    {
        Assert.That(Environment.UserName, Is.EqualTo("root"), "network namespaces need root (CI runs as root)");
        _run = await NamespaceScript.RunAsync("hold-baresip.sh", TimeSpan.FromSeconds(90), "softswitch.out", "alice.out", "bob.out");
    }

    [Test]
    public void Before_the_hold_the_callee_hears_the_caller() => _run.AssertTone("BOB_BEFORE_TOTAL_DB", "BOB_BEFORE_1K_DB");

    [Test, Description("RFC 3264 §8.4: a=sendonly from the caller; the switch plays music to the other party, not the caller's audio")]
    public void On_hold_the_callee_hears_music_and_not_the_caller()
    {
        _run.AssertTone("BOB_HOLD_TOTAL_DB", "BOB_HOLD_440_DB", margin: 4.5);
        _run.AssertTone("BOB_HOLD_TOTAL_DB", "BOB_HOLD_660_DB", margin: 4.5);
        Assert.That(_run.Number("BOB_HOLD_1K_DB"), Is.LessThan(_run.Number("BOB_HOLD_TOTAL_DB") - 20), _run.Log);
    }

    [Test]
    public void After_the_resume_the_callee_hears_the_caller_again_and_no_music()
    {
        _run.AssertTone("BOB_AFTER_TOTAL_DB", "BOB_AFTER_1K_DB");
        Assert.That(_run.Number("BOB_AFTER_440_DB"), Is.LessThan(_run.Number("BOB_AFTER_TOTAL_DB") - 20), _run.Log);
    }

    [Test]
    public void The_call_has_one_row_in_the_calls_table_with_the_caller_hanging_up_after_the_resume()
    {
        Assert.That(_run.Results.GetValueOrDefault("ROWS"), Is.EqualTo("1"), _run.Log);
        Assert.That(_run.Results.GetValueOrDefault("ROW"), Is.EqualTo("1001|1002|normal|caller|PCMU|PCMU"), _run.Log);
        // 9 s of 20 ms packets from each phone, the held one included (baresip keeps sending while on hold).
        Assert.That(_run.Number("ROW_CALLER_RECEIVED"), Is.GreaterThan(200), _run.Log);
        Assert.That(_run.Number("ROW_CALLEE_RECEIVED"), Is.GreaterThan(200), _run.Log);
    }

    [Test]
    public void The_caller_hung_up_on_its_own_and_the_switch_stopped_cleanly()
    {
        Assert.That(_run.Results.GetValueOrDefault("ALICE_EXIT"), Is.EqualTo("0"), _run.Log);
        Assert.That(_run.Results.GetValueOrDefault("SOFTSWITCH_EXIT"), Is.EqualTo("0"), _run.Log);
    }
}
