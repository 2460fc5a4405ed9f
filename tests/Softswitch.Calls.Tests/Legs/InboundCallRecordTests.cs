using Softswitch.Calls.Records;
using Softswitch.Calls.Routing;
using Softswitch.Calls.Tests.Support;

namespace Softswitch.Calls.Tests.Legs;

/// <summary>Each call the switch answers itself leaves one <see cref="CallRecord"/> when it is released.</summary>
public sealed class InboundCallRecordTests : EchoCallFixture
{
    private const string Ringing = "*44";

    private protected override IEnumerable<DialPlanRoute> OtherRoutes =>
        [new DialPlanRoute(Ringing, RouteTarget.Echo) { AnswerAfter = TimeSpan.FromSeconds(30) }];

    [Test]
    public async Task An_answered_echo_call_hung_up_by_the_caller_records_who_what_when_and_the_media()
    {
        var started = Switch.Time.GetUtcNow();
        var call = new SipCall(Switch, "1001", Echo);
        var ok = await call.CallAsync(PhoneSdp.Create(Phone, 1));
        call.Ack();
        Phone.Remote = PhoneSdp.MediaEndPoint(ok.Body);
        await Phone.SendUntilAsync(NumberedFrame.Create, NumberedFrame.Is, "echoed audio");
        Switch.Time.Advance(TimeSpan.FromSeconds(4.2));

        Assert.That((await call.ByeAsync()).StatusCode, Is.EqualTo(200));
        await Switch.WaitForPortsReleasedAsync();

        var record = Switch.CallRecords.All.Single();
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
            Assert.That(record.CallerLeg.RemoteMedia, Is.EqualTo($"127.0.0.1:{Phone.RtpPort}"));
            Assert.That(record.CallerLeg.PacketsReceived, Is.GreaterThan(0));
            Assert.That(record.CallerLeg.PacketsSent, Is.GreaterThan(0), "the echo sent the packets back");
            Assert.That(record.CalleeLeg, Is.Null, "the switch answered itself");
            Assert.That(record.RecordingPath, Is.Null, "the route does not record");
        });
    }

    [Test, Description("RFC 3261 §9.2: a CANCEL while it rings ends the call unanswered, 487")]
    public async Task A_call_cancelled_while_it_rings_is_recorded_unanswered_with_487_from_the_caller()
    {
        var call = new SipCall(Switch, "1001", Ringing);
        await call.InviteAsync(PhoneSdp.Create(Phone, 1));
        await call.WaitForInviteResponseAsync(180);
        Switch.Time.Advance(TimeSpan.FromSeconds(2));

        await call.CancelAsync();
        await Switch.WaitForPortsReleasedAsync();

        var record = Switch.CallRecords.All.Single();
        Assert.That((record.Answered, record.Callee, record.BillableSeconds), Is.EqualTo(((DateTimeOffset?)null, (string?)null, 0)));
        Assert.That((record.HangupCause, record.HangupSide, record.SipStatus), Is.EqualTo((HangupCauses.Cancelled, HangupSides.Caller, (int?)487)));
        Assert.That(record.DurationSeconds, Is.EqualTo(2).Within(0.001));
        Assert.That(record.CallerLeg, Is.Null, "media never started");
    }
}
