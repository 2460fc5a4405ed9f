using Softswitch.Calls.Routing;
using Softswitch.Calls.Supervision;
using Softswitch.Calls.Tests.Support;

namespace Softswitch.Calls.Tests.Legs;

/// <summary>A flood of key presses costs a bounded number of log lines per call, and every press is still counted.</summary>
public sealed class InboundCallDigitLogTests
{
    private const string Echo = "*43";

    [Test]
    public async Task A_digit_flood_logs_fifty_lines_then_one_summary_of_the_rest_when_the_call_ends()
    {
        var logs = new CapturedLogs();
        await using var sip = new CallSwitch(logs, new CallLimits(), new DialPlanRoute(Echo, RouteTarget.Echo));
        await using var phone = new RtpPhone();
        var call = new SipCall(sip, "1001", Echo);
        Assert.That((await call.CallAsync(PhoneSdp.Create(phone, 1))).StatusCode, Is.EqualTo(200));
        call.Ack();

        for (var i = 0; i < 300; i++) Assert.That((await call.InfoAsync("0123456789"[i % 10])).StatusCode, Is.EqualTo(200), "the call keeps answering");
        await Eventually.TrueAsync(() => DigitLines(logs).Count == 50, () => $"{DigitLines(logs).Count} digit lines");
        Assert.That((await call.ByeAsync()).StatusCode, Is.EqualTo(200));

        await Eventually.TrueAsync(() => logs.With("Suppressed").Count == 1, () => "no summary of the suppressed digits");
        var suppressed = int.Parse(logs.With("Suppressed").Single()["Suppressed"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(DigitLines(logs), Has.Count.EqualTo(50), "one window's budget, however many presses");
        // The stream keeps the newest 64 digits for a slow reader, so under load a few may be dropped before they are read.
        Assert.That(suppressed, Is.InRange(1, 250), "the rest are counted in one summary");
    }

    [Test, Description("RFC 4733 §2.5: each event is a new timestamp; a flood of them is a flood of digits")]
    public async Task A_flood_of_rfc4733_events_is_held_to_the_same_budget()
    {
        var logs = new CapturedLogs();
        await using var sip = new CallSwitch(logs, new CallLimits(), new DialPlanRoute(Echo, RouteTarget.Echo));
        await using var phone = new RtpPhone();
        var call = new SipCall(sip, "1001", Echo);
        var ok = await call.CallAsync(PhoneSdp.Create(phone, 1));
        call.Ack();
        phone.Remote = PhoneSdp.MediaEndPoint(ok.Body);
        await phone.SendUntilAsync(NumberedFrame.Create, NumberedFrame.Is, "echoed audio");

        for (var i = 0; i < 300; i++)
        {
            phone.SendDigit(eventCode: (byte)(i % 10), payloadType: 96);
            if (i % 20 == 19) await Task.Delay(5); // a fast phone, not a burst the socket buffer would drop
        }

        await Eventually.TrueAsync(() => DigitLines(logs).Count == 50, () => $"{DigitLines(logs).Count} digit lines");
        Assert.That((await call.ByeAsync()).StatusCode, Is.EqualTo(200));
        await Eventually.TrueAsync(() => logs.With("Suppressed").Count == 1, () => "no summary of the suppressed digits");
        Assert.That(DigitLines(logs), Has.Count.EqualTo(50));
    }

    private static List<CapturedLogEntry> DigitLines(CapturedLogs logs) => logs.With("Digit").Where(e => e.Properties.ContainsKey("Method")).ToList();
}
