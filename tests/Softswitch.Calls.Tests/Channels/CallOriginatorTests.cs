using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Calls.Bridging;
using Softswitch.Calls.Routing;
using Softswitch.Calls.Supervision;
using Softswitch.Calls.Tests.Support;
using Softswitch.Channels;
using Softswitch.Sip.Messages;

namespace Softswitch.Calls.Tests.Channels;

/// <summary>
/// Calls the switch places itself (<see cref="ICallOriginator"/>): the destination is dialled like any callee, the
/// answered leg runs the application (which can bridge on to another number), and the call gets its row with source
/// kind <c>switch</c>, the requester, and the originator's fields.
/// </summary>
public sealed class CallOriginatorTests
{
    private const string PartySdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\n";

    private CallSwitch _switch = null!;

    [SetUp]
    public void SetUp() =>
        _switch = new CallSwitch([], PartyPhones.Registered("1002", "1003"), new DialPlanRoute("500", RouteTarget.Flow, "main"));

    [TearDown]
    public async Task TearDown() => await _switch.DisposeAsync();

    [Test]
    public async Task An_answered_originated_call_runs_the_application_on_the_answered_leg_and_bridges_it_on()
    {
        var bridged = new TaskCompletionSource<BridgeResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var origin = new TaskCompletionSource<CallOrigin>(TaskCreationOptions.RunContinuationsAsynchronously);
        var app = new ScriptedApplications(async channel =>
        {
            origin.TrySetResult(channel.Origin);
            channel.SetRecordField("step", "bridging");
            bridged.TrySetResult(await channel.BridgeAsync(new BridgeRequest { Destination = "1003" }));
        });

        var placing = _switch.Originator.OriginateAsync(Request("1002", app, ringTime: TimeSpan.FromSeconds(30)));
        var invite = await _switch.WaitForAsync<SipRequest>(r => r.Method == SipMethod.Invite && r.RequestUri.User == "1002", "INVITE to 1002");
        Assert.That(invite.From.Uri.User, Is.EqualTo("1001"), "the agent's phone shows the number the call is for");
        Assert.That(placing.IsCompleted, Is.False, "nobody answered yet");
        _switch.Receive(PartyPhones.ResponseFor(invite, "200 OK", PartySdp));

        var result = await placing.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That((result.Outcome, result.Party), Is.EqualTo((OriginateOutcome.Answered, "1002")));
        Assert.That(await origin.Task.WaitAsync(TimeSpan.FromSeconds(10)), Is.EqualTo(new CallOrigin(CallOriginKind.Switch, "queue sales")));

        var second = await _switch.WaitForAsync<SipRequest>(r => r.Method == SipMethod.Invite && r.RequestUri.User == "1003", "INVITE to 1003");
        Assert.That(second.From.Uri.User, Is.EqualTo("1001"));
        _switch.Receive(PartyPhones.ResponseFor(second, "200 OK", PartySdp));
        await _switch.WaitForAsync<SipRequest>(r => r.Method == SipMethod.Ack && r.CallId == second.CallId, "ACK to 1003");
        _switch.Receive(ByeFrom(second, ContactOf(second)));

        Assert.That((await bridged.Task.WaitAsync(TimeSpan.FromSeconds(10))).Outcome, Is.EqualTo(BridgeOutcome.PartyHungUp));
        await _switch.WaitForAsync<SipRequest>(r => r.Method == SipMethod.Bye && r.CallId == invite.CallId, "BYE to 1002 when the application returns");
        await result.Ended.WaitAsync(TimeSpan.FromSeconds(10));
        await _switch.WaitForPortsReleasedAsync();

        var record = _switch.CallRecords.All.Single();
        Assert.That((record.SourceKind, record.Source, record.Caller, record.Dialled, record.Callee),
            Is.EqualTo(("switch", "queue sales", "1001", "1002", "1003")));
        Assert.That(record.CallUuid, Is.EqualTo(result.CallUuid));
        Assert.That(record.Answered, Is.Not.Null);
        Assert.That(record.ApplicationFields!["callback_for"], Is.EqualTo("1001"));
        Assert.That(record.ApplicationFields["step"], Is.EqualTo("bridging"));
    }

    [Test]
    public async Task A_busy_destination_ends_the_originated_call_unanswered_with_its_row()
    {
        var app = new ScriptedApplications(_ => Task.CompletedTask);
        var placing = _switch.Originator.OriginateAsync(Request("1002", app));
        var invite = await _switch.WaitForAsync<SipRequest>(r => r.Method == SipMethod.Invite && r.RequestUri.User == "1002", "INVITE to 1002");
        _switch.Receive(PartyPhones.ResponseFor(invite, "486 Busy Here", ""));

        var result = await placing.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(result.Outcome, Is.EqualTo(OriginateOutcome.Busy));
        await result.Ended.WaitAsync(TimeSpan.FromSeconds(10));
        await _switch.WaitForPortsReleasedAsync();
        Assert.That(app.Finished.IsCompleted, Is.False, "the application never ran");
        var record = _switch.CallRecords.All.Single();
        Assert.That((record.SourceKind, record.HangupCause, record.Answered), Is.EqualTo(("switch", "busy", (DateTimeOffset?)null)));
        Assert.That(record.ApplicationFields!["callback_for"], Is.EqualTo("1001"));
    }

    [Test]
    public async Task Cancelling_before_the_answer_cancels_the_ringing_leg()
    {
        using var cancel = new CancellationTokenSource();
        var placing = _switch.Originator.OriginateAsync(Request("1002", new ScriptedApplications(_ => Task.CompletedTask)), cancel.Token);
        var invite = await _switch.WaitForAsync<SipRequest>(r => r.Method == SipMethod.Invite && r.RequestUri.User == "1002", "INVITE to 1002");
        _switch.Receive(PartyPhones.ResponseFor(invite, "180 Ringing", ""));

        await cancel.CancelAsync();

        await _switch.WaitForAsync<SipRequest>(r => r.Method == SipMethod.Cancel && r.CallId == invite.CallId, "CANCEL to 1002");
        Assert.That((await placing.WaitAsync(TimeSpan.FromSeconds(10))).Answered, Is.False);
    }

    [Test]
    public async Task A_number_the_context_cannot_reach_is_not_dialled()
    {
        var result = await _switch.Originator.OriginateAsync(Request("7777", new ScriptedApplications(_ => Task.CompletedTask)));

        Assert.That((result.Outcome, result.CallUuid), Is.EqualTo((OriginateOutcome.Unavailable, (string?)null)));
        Assert.That(_switch.Sent().OfType<SipRequest>().Any(r => r.Method == SipMethod.Invite), Is.False);
        Assert.That(_switch.CallRegistry.Count, Is.Zero);
    }

    private static OriginateRequest Request(string destination, ICallApplication app, TimeSpan? ringTime = null) => new()
    {
        Destination = destination,
        Application = app,
        Requester = "queue sales",
        CallerId = "1001",
        RingTime = ringTime,
        RecordFields = new Dictionary<string, string> { ["callback_for"] = "1001" },
    };

    /// <summary>The switch's Contact in its INVITE: where a BYE in that dialog goes.</summary>
    private static string ContactOf(SipRequest invite) => invite.Contacts[0].Uri.ToString();

    /// <summary>The called phone hangs up the dialog the switch's INVITE set up.</summary>
    private static string ByeFrom(SipRequest invite, string switchContact) =>
        $"BYE {switchContact} SIP/2.0\r\n" +
        $"Via: SIP/2.0/UDP 127.0.0.1:{CallSwitch.PhoneSip.Address.Port};branch=z9hG4bK-bye-{invite.CallId.GetHashCode():x}\r\n" +
        $"From: {invite.To};tag=party-tag\r\n" +
        $"To: {invite.From}\r\n" +
        $"Call-ID: {invite.CallId}\r\n" +
        "CSeq: 1 BYE\r\n" +
        "Max-Forwards: 70\r\n" +
        "Content-Length: 0\r\n\r\n";
}
