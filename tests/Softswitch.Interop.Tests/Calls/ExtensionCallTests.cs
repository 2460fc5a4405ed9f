using System.Diagnostics;
using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Calls;

/// <summary>
/// Calls between extensions through the real switch, sipp on both sides: sipp 1001 calls, sipp UAS phones registered
/// as 1002 (and 1003) answer, ring, refuse, or ring until the switch cancels them.
/// </summary>
[TestFixture]
public sealed class ExtensionCallTests
{
    private const string Password1003 = SoftswitchProcess.Password1003;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    private SoftswitchProcess _softswitch = null!;

    [SetUp]
    public async Task StartSwitch() => _softswitch = await SoftswitchProcess.StartAsync(null,
        "--extensions:1:ring_seconds=2", "--extensions:2:number=1003", $"--extensions:2:password={Password1003}", "--extensions:2:name=Interop Three");

    [TearDown]
    public async Task StopSwitch() => await _softswitch.DisposeAsync();

    private Task<SippCallee> Callee1002(string scenario, params (string, string)[] values) =>
        SippCallee.StartAsync(_softswitch, "1002", SoftswitchProcess.Password1002, scenario, Limit, values);

    private Task<ToolResult> Call(string scenario, string number = "1002", params string[] extra) =>
        SippCaller.CallAsync(_softswitch, scenario, "1001", number, Limit, null, ["-m", "1", .. extra]);

    private Task<ToolResult> CallExpecting(int status, string number = "1002") =>
        Call(Scenarios.Written("caller-refused.xml", ("EXPECTED", status.ToString())), number);

    private string Log(params ToolResult[] runs) => string.Join("\n", runs.Select(run => run.ToString())) + "\n" + _softswitch.Output;

    [Test]
    public async Task An_extension_calls_another_that_answers_and_the_caller_hangs_up()
    {
        var callee = await Callee1002("callee-answer.xml", ("ANSWER_MS", "500"));
        var caller = await Call("call-pause-bye.xml", "1002", "-d", "1000");
        var answered = await callee.Run;
        Assert.That(caller.ExitCode, Is.Zero, Log(caller, answered));
        Assert.That(answered.ExitCode, Is.Zero, "the callee got INVITE, ACK and the BYE passed on\n" + Log(caller, answered));

        var row = (await CallTable.WaitForAsync(_softswitch)).Single();
        Assert.Multiple(() =>
        {
            Assert.That(row["caller"], Is.EqualTo("1001"));
            Assert.That(row["dialled"], Is.EqualTo("1002"));
            Assert.That(row["callee"], Is.EqualTo("1002"));
            Assert.That(row["source_kind"], Is.EqualTo("extension"));
            Assert.That(row["route_target"], Is.EqualTo("extension"));
            Assert.That(row["answered_at"], Is.Not.Null);
            Assert.That(int.Parse(row["billable_seconds"]!), Is.InRange(1, 3));
            Assert.That(row["hangup_cause"], Is.EqualTo("normal"));
            Assert.That(row["hangup_side"], Is.EqualTo("caller"));
            Assert.That(row["caller_codec"], Is.EqualTo("PCMU"));
            Assert.That(row["callee_codec"], Is.EqualTo("PCMU"));
            Assert.That(row["callee_call_id"], Is.Not.EqualTo(row["call_id"]), "the callee's leg has its own Call-ID");
        });
    }

    /// <summary>The one row of an unanswered call: its cause and the status the caller got.</summary>
    private async Task AssertUnansweredRowAsync(string cause, int status, string side = "callee")
    {
        var row = (await CallTable.WaitForAsync(_softswitch)).Single();
        Assert.Multiple(() =>
        {
            Assert.That(row["hangup_cause"], Is.EqualTo(cause), _softswitch.Output);
            Assert.That(row["sip_status"], Is.EqualTo(status.ToString()));
            Assert.That(row["hangup_side"], Is.EqualTo(side));
            Assert.That(row["answered_at"], Is.Null);
            Assert.That(row["billable_seconds"], Is.EqualTo("0"));
        });
    }

    [Test, Description("RFC 3261 §16.7: a busy callee's 486 reaches the caller")]
    public async Task A_busy_callee_gives_the_caller_486()
    {
        var callee = await Callee1002("callee-refuse.xml", ("STATUS", "486"));
        var caller = await CallExpecting(486);
        var refused = await callee.Run;
        Assert.That(caller.ExitCode, Is.Zero, Log(caller, refused));
        Assert.That(refused.ExitCode, Is.Zero, "the callee's 486 was acknowledged\n" + Log(caller, refused));
        await AssertUnansweredRowAsync("busy", 486);
    }

    [Test]
    public async Task A_declining_callee_gives_the_caller_603()
    {
        var callee = await Callee1002("callee-refuse.xml", ("STATUS", "603"));
        var caller = await CallExpecting(603);
        Assert.That(caller.ExitCode, Is.Zero, Log(caller, await callee.Run));
        await AssertUnansweredRowAsync("declined", 603);
    }

    [Test]
    public async Task An_extension_with_no_registered_phone_gives_480()
    {
        var caller = await CallExpecting(480);
        Assert.That(caller.ExitCode, Is.Zero, Log(caller));
        await AssertUnansweredRowAsync("unavailable", 480);
    }

    [Test, Description("ring_seconds 2: the switch CANCELs the ringing phone and answers the caller 480")]
    public async Task Nobody_answering_within_the_ring_time_gives_480_and_cancels_the_phone()
    {
        var callee = await Callee1002("callee-ring-until-cancel.xml");
        var clock = Stopwatch.StartNew();
        var caller = await CallExpecting(480);
        var elapsed = clock.Elapsed;
        var cancelled = await callee.Run;
        Assert.That(caller.ExitCode, Is.Zero, Log(caller, cancelled));
        Assert.That(cancelled.ExitCode, Is.Zero, "the ringing phone got CANCEL\n" + Log(caller, cancelled));
        Assert.That(elapsed, Is.GreaterThan(TimeSpan.FromSeconds(1.8)).And.LessThan(TimeSpan.FromSeconds(6)), Log(caller));
        await AssertUnansweredRowAsync("no_answer", 480);
    }

    [Test]
    public async Task Cancelling_before_the_answer_cancels_the_ringing_phone()
    {
        var callee = await Callee1002("callee-ring-until-cancel.xml");
        var caller = await Call("cancel-before-answer.xml");
        var cancelled = await callee.Run;
        Assert.That(caller.ExitCode, Is.Zero, "the caller's CANCEL got 200 and its INVITE 487\n" + Log(caller, cancelled));
        Assert.That(cancelled.ExitCode, Is.Zero, "the switch cancelled the phone\n" + Log(caller, cancelled));
        await AssertUnansweredRowAsync("cancelled", 487, side: "caller");
    }

    [Test, Description("Forking: every registered contact rings at once, the first 2xx wins and the other gets CANCEL")]
    public async Task Both_phones_of_an_extension_ring_and_the_one_not_answering_is_cancelled()
    {
        var ringing = await Callee1002("callee-ring-until-cancel.xml");
        var answering = await Callee1002("callee-answer.xml", ("ANSWER_MS", "1000"));
        var caller = await Call("call-pause-bye.xml", "1002", "-d", "1000");
        var (cancelled, answered) = (await ringing.Run, await answering.Run);
        Assert.That(caller.ExitCode, Is.Zero, Log(caller, cancelled, answered));
        Assert.That(answered.ExitCode, Is.Zero, "the answering phone got the ACK and the BYE\n" + Log(caller, cancelled, answered));
        Assert.That(cancelled.ExitCode, Is.Zero, "the other phone got CANCEL\n" + Log(caller, cancelled, answered));
    }

    [Test, Description("RFC 3264 §5 / RFC 3261 §13.2.1: INVITE without SDP; our offer in the 200, the caller's answer in the ACK")]
    public async Task A_late_offer_caller_reaches_an_extension_and_its_answer_in_the_ack_sets_up_the_media()
    {
        Assert.That(Environment.UserName, Is.EqualTo("root"), "sipp's play_pcap_audio needs raw sockets (CI runs as root)");
        var callee = await Callee1002("callee-answer.xml", ("ANSWER_MS", "200"));
        var caller = await Call("echo-late-offer.xml");
        var answered = await callee.Run;

        Assert.That(caller.ExitCode, Is.Zero, Log(caller, answered));
        Assert.That(answered.ExitCode, Is.Zero, "the callee was offered media, answered and got the BYE\n" + Log(caller, answered));
        var row = (await CallTable.WaitForAsync(_softswitch)).Single();
        Assert.Multiple(() =>
        {
            Assert.That((row["caller"], row["callee"], row["hangup_cause"], row["hangup_side"]), Is.EqualTo(("1001", "1002", "normal", "caller")));
            Assert.That((row["caller_codec"], row["callee_codec"]), Is.EqualTo(("PCMA", "PCMU")), "the caller's codec came in its ACK");
            Assert.That(long.Parse(row["caller_packets_received"]!), Is.GreaterThan(50), "the caller's audio flowed to the answer it sent in the ACK");
            Assert.That(long.Parse(row["callee_packets_sent"]!), Is.GreaterThan(50), "and was passed on to the callee");
        });
    }
}
