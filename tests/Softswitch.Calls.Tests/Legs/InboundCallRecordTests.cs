using Softswitch.Calls.Records;
using Softswitch.Calls.Routing;
using Softswitch.Calls.Tests.Support;

namespace Softswitch.Calls.Tests.Legs;

/// <summary>Each call the switch answers itself leaves one <see cref="CallRecord"/> when it is released.</summary>
public sealed class InboundCallRecordTests
{
    private const string Echo = "*43";
    private const string Ringing = "*44";

    private CallSwitch _switch = null!;
    private RtpPhone _phone = null!;

    [SetUp]
    public void SetUp()
    {
        _switch = new CallSwitch(
            new DialPlanRoute(Echo, RouteTarget.Echo),
            new DialPlanRoute(Ringing, RouteTarget.Echo) { AnswerAfter = TimeSpan.FromSeconds(30) });
        _phone = new RtpPhone();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _phone.DisposeAsync();
        await _switch.DisposeAsync();
    }

    [Test]
    public async Task An_answered_echo_call_hung_up_by_the_caller_records_who_what_when_and_the_media()
    {
        var started = _switch.Time.GetUtcNow();
        var call = new SipCall(_switch, "1001", Echo);
        var ok = await call.CallAsync(PhoneSdp.Create(_phone, 1));
        call.Ack();
        _phone.Remote = PhoneSdp.MediaEndPoint(ok.Body);
        await _phone.SendUntilAsync(NumberedFrame.Create, NumberedFrame.Is, "echoed audio");
        _switch.Time.Advance(TimeSpan.FromSeconds(4.2));

        Assert.That((await call.ByeAsync()).StatusCode, Is.EqualTo(200));
        await _switch.WaitForPortsReleasedAsync();

        var record = _switch.CallRecords.All.Single();
        Assert.Multiple(() =>
        {
            Assert.That(record.CallId, Is.EqualTo(call.CallId));
            Assert.That(record.CallUuid, Has.Length.EqualTo(32));
            Assert.That((record.Caller, record.Dialled, record.Callee), Is.EqualTo(("1001", Echo, "echo")));
            Assert.That((record.SourceKind, record.Source), Is.EqualTo((CallSourceKinds.Extension, "1001")));
            Assert.That((record.RouteTarget, record.RouteMatch), Is.EqualTo(("echo", Echo)));
            Assert.That((record.Started, record.Answered, record.Ended), Is.EqualTo((started, started, started.AddSeconds(4.2))));
            Assert.That((record.DurationSeconds, record.BillableSeconds), Is.EqualTo((4.2, 5)));
            Assert.That((record.HangupCause, record.HangupSide, record.SipStatus), Is.EqualTo((HangupCauses.Normal, HangupSides.Caller, (int?)null)));
            Assert.That(record.CallerLeg!.CallId, Is.EqualTo(call.CallId));
            Assert.That(record.CallerLeg.Codec, Is.EqualTo("PCMU"));
            Assert.That(record.CallerLeg.RemoteMedia, Is.EqualTo($"127.0.0.1:{_phone.RtpPort}"));
            Assert.That(record.CallerLeg.PacketsReceived, Is.GreaterThan(0));
            Assert.That(record.CallerLeg.PacketsSent, Is.GreaterThan(0), "the echo sent the packets back");
            Assert.That(record.CalleeLeg, Is.Null, "the switch answered itself");
            Assert.That(record.RecordingPath, Is.Null, "the route does not record");
        });
    }

    [Test, Description("RFC 3261 §9.2: a CANCEL while it rings ends the call unanswered, 487")]
    public async Task A_call_cancelled_while_it_rings_is_recorded_unanswered_with_487_from_the_caller()
    {
        var call = new SipCall(_switch, "1001", Ringing);
        await call.InviteAsync(PhoneSdp.Create(_phone, 1));
        await call.WaitForInviteResponseAsync(180);
        _switch.Time.Advance(TimeSpan.FromSeconds(2));

        await call.CancelAsync();
        await _switch.WaitForPortsReleasedAsync();

        var record = _switch.CallRecords.All.Single();
        Assert.That((record.Answered, record.Callee, record.BillableSeconds), Is.EqualTo(((DateTimeOffset?)null, (string?)null, 0)));
        Assert.That((record.HangupCause, record.HangupSide, record.SipStatus), Is.EqualTo((HangupCauses.Cancelled, HangupSides.Caller, (int?)487)));
        Assert.That(record.DurationSeconds, Is.EqualTo(2).Within(0.001));
        Assert.That(record.CallerLeg, Is.Null, "media never started");
    }
}
