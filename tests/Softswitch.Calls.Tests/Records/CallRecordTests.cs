using Softswitch.Calls.Records;
using Softswitch.Calls.Routing;

namespace Softswitch.Calls.Tests.Records;

public sealed class CallRecordTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 2, 0, 0, TimeSpan.Zero);

    [TestCase(0.0, 0.001, 1)]
    [TestCase(0.0, 3.0, 3)]
    [TestCase(0.5, 3.6, 4)]
    [TestCase(0.0, 0.0, 0)]
    public void Billable_seconds_run_from_the_answer_to_the_end_rounded_up(double answeredAfter, double endedAfter, int billable)
    {
        var record = Record(Start.AddSeconds(answeredAfter), Start.AddSeconds(endedAfter));

        Assert.That(record.BillableSeconds, Is.EqualTo(billable));
        Assert.That(record.DurationSeconds, Is.EqualTo(endedAfter).Within(1e-9));
    }

    [Test]
    public void An_unanswered_call_bills_nothing_but_lasts_from_the_invite_to_the_end()
    {
        var record = Record(answered: null, Start.AddSeconds(7.25));

        Assert.That(record.BillableSeconds, Is.EqualTo(0));
        Assert.That(record.DurationSeconds, Is.EqualTo(7.25).Within(1e-9));
    }

    [TestCase(RouteTarget.Echo, "echo")]
    [TestCase(RouteTarget.MeetMe, "meet_me")]
    [TestCase(RouteTarget.Extension, "extension")]
    public void Route_targets_are_named_in_lower_case_with_underscores(RouteTarget target, string word) =>
        Assert.That(RouteTargetWords.Of(target), Is.EqualTo(word));

    private static CallRecord Record(DateTimeOffset? answered, DateTimeOffset ended) => new()
    {
        CallUuid = "0193f0a1b2c37d4e8f9a0b1c2d3e4f50",
        CallId = "a@phone",
        Caller = "1001",
        Dialled = "1002",
        SourceKind = CallSourceKinds.Extension,
        Source = "1001",
        Started = Start,
        Answered = answered,
        Ended = ended,
        HangupCause = answered is null ? HangupCauses.NoAnswer : HangupCauses.Normal,
        HangupSide = HangupSides.Caller,
    };
}
