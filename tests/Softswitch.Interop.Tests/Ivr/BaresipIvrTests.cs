using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Ivr;

/// <summary>
/// The demo IVR with real softphones in a private network namespace (Scripts/ivr-baresip.sh): baresip as 1001 dials
/// 500 and presses 2 (English) and 2 (support: the ACD queue) through its control interface, as RFC 4733
/// telephone-events; baresip as 1002, the queue's agent, answers (a 400 Hz tone); the caller hangs up.
/// </summary>
[TestFixture]
public sealed class BaresipIvrTests
{
    private static NamespaceScript _run = null!;

    [OneTimeSetUp]
    public async Task RunTheCall()
    {
        Assert.That(Environment.UserName, Is.EqualTo("root"), "network namespaces need root (CI runs as root)");
        _run = await NamespaceScript.RunAsync("ivr-baresip.sh", TimeSpan.FromSeconds(90), "softswitch.out", "caller.out", "support.out",
            "caller-ctrl.out");
    }

    [Test, Description("RFC 4733: baresip's keys reach the flow; the second one picks the support queue, whose agent 1002 rings and answers")]
    public void Keys_from_baresip_choose_english_then_support_and_its_agent_1002_answers()
    {
        Assert.That(_run.Results.GetValueOrDefault("RFC4733_KEYS"), Is.EqualTo("2"), "both keys arrived as telephone-events\n" + _run.Log);
        Assert.That(_run.Results.GetValueOrDefault("SUPPORT_ANSWERED"), Is.EqualTo("1"), "1002's phone got the call\n" + _run.Log);
        Assert.That(_run.Results.GetValueOrDefault("CALLER_EXIT"), Is.EqualTo("0"), _run.Log);
    }

    [Test]
    public void The_caller_hears_the_flows_prompt_then_the_support_phone()
    {
        Assert.That(_run.Number("CALLER_PROMPT_DB"), Is.GreaterThan(-40), "the welcome prompt, not silence\n" + _run.Log);
        _run.AssertTone("CALLER_END_TOTAL_DB", "CALLER_END_400_DB");
    }

    [Test, Description("The call's row: dialled 500 into the flow, reached agent 1002 through the support queue, the caller hung up; the keys and path are kept")]
    public void The_row_shows_the_keys_the_queue_and_the_agent_the_flow_reached()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_run.Results.GetValueOrDefault("ROWS"), Is.EqualTo("1"), _run.Log);
            Assert.That(_run.Results.GetValueOrDefault("ROW"), Is.EqualTo("500|flow|1002|caller"), _run.Log);
            Assert.That(_run.Results.GetValueOrDefault("IVR_KEYS"), Is.EqualTo("2,2"), _run.Log);
            Assert.That(_run.Results.GetValueOrDefault("IVR_PATH"), Does.Contain("choose-language:2,english,main-menu:2").And.EndWith("support-queue"), _run.Log);
            Assert.That(_run.Results.GetValueOrDefault("QUEUE"), Is.EqualTo("support|1002"), _run.Log);
        });
    }

    [Test]
    public void The_switch_stops_cleanly_afterwards() =>
        Assert.That(_run.Results.GetValueOrDefault("SOFTSWITCH_EXIT"), Is.EqualTo("0"), _run.Log);
}
