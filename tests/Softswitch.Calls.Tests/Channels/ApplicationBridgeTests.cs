using System.Net;
using Softswitch.Calls.Bridging;
using Softswitch.Calls.Routing;
using Softswitch.Calls.Tests.Support;
using Softswitch.Channels;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Registrar;
using Softswitch.Sip.Transport;

namespace Softswitch.Calls.Tests.Channels;

/// <summary>
/// An application's bridge to a registered extension: the application hears the moment the party answers (a queue
/// tells its ACD then), long before <see cref="ICallChannel.BridgeAsync"/> returns at the end of the conversation.
/// </summary>
public sealed class ApplicationBridgeTests
{
    private const string FlowNumber = "500";
    private const string PartySdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\n";

    private RtpPhone _phone = null!;
    private CallSwitch? _switch;

    [SetUp]
    public void SetUp() => _phone = new RtpPhone();

    [TearDown]
    public async Task TearDown()
    {
        await _phone.DisposeAsync();
        if (_switch is not null) await _switch.DisposeAsync();
    }

    [Test]
    public async Task The_answered_callback_runs_when_the_party_answers_and_before_the_bridge_returns()
    {
        var answeredBy = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var bridged = new TaskCompletionSource<BridgeResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var app = new ScriptedApplications(async channel => bridged.TrySetResult(await channel.BridgeAsync(new BridgeRequest
        {
            Destination = "1002",
            Answered = party => answeredBy.TrySetResult(party),
        })));
        var call = await AnsweredCallAsync(app);

        var invite = await _switch!.WaitForAsync<SipRequest>(r => r.Method == SipMethod.Invite && r.RequestUri.User == "1002", "INVITE to 1002");
        Assert.That(answeredBy.Task.IsCompleted, Is.False, "nobody answered yet");
        _switch.Receive(OkFor(invite));

        Assert.That(await answeredBy.Task.WaitAsync(TimeSpan.FromSeconds(10)), Is.EqualTo("1002"));
        Assert.That(bridged.Task.IsCompleted, Is.False, "the conversation goes on");

        Assert.That((await call.ByeAsync()).StatusCode, Is.EqualTo(200));
        var result = await bridged.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That((result.Outcome, result.Party), Is.EqualTo((BridgeOutcome.CallerHungUp, "1002")));
    }

    [Test]
    public async Task A_party_that_refuses_never_calls_the_answered_callback()
    {
        var answered = false;
        var bridged = new TaskCompletionSource<BridgeResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var app = new ScriptedApplications(async channel => bridged.TrySetResult(await channel.BridgeAsync(new BridgeRequest
        {
            Destination = "1002",
            Answered = _ => answered = true,
        })));
        var call = await AnsweredCallAsync(app);

        var invite = await _switch!.WaitForAsync<SipRequest>(r => r.Method == SipMethod.Invite && r.RequestUri.User == "1002", "INVITE to 1002");
        _switch.Receive(ResponseFor(invite, "486 Busy Here", ""));

        Assert.That((await bridged.Task.WaitAsync(TimeSpan.FromSeconds(10))).Outcome, Is.EqualTo(BridgeOutcome.Busy));
        Assert.That(answered, Is.False);
        Assert.That((await call.ByeAsync()).StatusCode, Is.EqualTo(200));
    }

    private async Task<SipCall> AnsweredCallAsync(ScriptedApplications app)
    {
        var directory = new OneExtension(new CalleeProfile("1002", "Agent") { RingTime = TimeSpan.FromSeconds(20) });
        var contact = $"sip:1002@127.0.0.1:{CallSwitch.PhoneSip.Address.Port}";
        var now = DateTimeOffset.UtcNow;
        ContactBinding[] bindings =
        [
            new("1002", contact, contact, now + TimeSpan.FromDays(3650), "reg-1002", 1, CallSwitch.PhoneSip, null, null, null, now, now),
        ];
        _switch = new CallSwitch([app], new DialTargets(directory, number => number == "1002" ? bindings : [], TimeProvider.System),
            new DialPlanRoute(FlowNumber, RouteTarget.Flow, "main"));
        var call = new SipCall(_switch, "1001", FlowNumber);
        var ok = await call.CallAsync(PhoneSdp.Create(_phone, 1, telephoneEvent: 96));
        Assert.That(ok.StatusCode, Is.EqualTo(200));
        call.Ack();
        _phone.Remote = PhoneSdp.MediaEndPoint(ok.Body);
        return call;
    }

    private static string OkFor(SipRequest invite) => ResponseFor(invite, "200 OK", PartySdp);

    private static string ResponseFor(SipRequest invite, string status, string sdp) =>
        $"SIP/2.0 {status}\r\n" +
        $"Via: {invite.TopVia}\r\n" +
        $"From: {invite.From}\r\n" +
        $"To: {invite.To};tag=party-tag\r\n" +
        $"Call-ID: {invite.CallId}\r\n" +
        $"CSeq: {invite.CSeq}\r\n" +
        $"Contact: <sip:1002@127.0.0.1:{CallSwitch.PhoneSip.Address.Port}>\r\n" +
        (sdp.Length > 0 ? "Content-Type: application/sdp\r\n" : "") +
        $"Content-Length: {sdp.Length}\r\n\r\n" + sdp;

    private sealed class OneExtension(CalleeProfile extension) : ICalleeDirectory
    {
        public CalleeProfile? Find(string number) => number == extension.Number ? extension : null;

        public RingGroupProfile? FindGroup(string number) => null;

        public IReadOnlySet<string> PickupGroupOf(string number) => new HashSet<string> { number };
    }
}
