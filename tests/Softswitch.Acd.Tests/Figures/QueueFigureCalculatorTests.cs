using Softswitch.Acd.Events;
using Softswitch.Acd.Figures;

namespace Softswitch.Acd.Tests.Figures;

/// <summary>Figures of a hand-made hour of events, each expected value worked out by hand in the comments.</summary>
public sealed class QueueFigureCalculatorTests
{
    private static readonly DateTimeOffset Ten = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    private static readonly FigureSettings Hour = new(Ten, Ten.AddHours(1))
    {
        ServiceLevelThresholds = new Dictionary<string, TimeSpan> { ["support"] = TimeSpan.FromSeconds(20) },
    };

    /// <summary>
    /// support, 10:00-11:00, threshold 20 s. c1 (111): B rings out, A answers after 10 s, talks 120 s, wraps 30 s, scores 5.
    /// c2 (222): B answers after 30 s, talks 120 s, scores 3. c3 abandons after 15 s at position 1, c4 after 40 s at
    /// position 2. c5 is 111 again at 10:10 and overflows after 120 s. A logged in at 09:00 and out at 10:30; B logged in
    /// at 10:00, paused 10:20-10:40.
    /// </summary>
    private static List<QueueEvent> AnHour() =>
    [
        Agent(-60 * 60, QueueEventKind.Login, "A"),
        Agent(0, QueueEventKind.Login, "B"),
        Call(0, QueueEventKind.Enter, "c1", null) with { CallerNumber = "111", Position = 1 },
        Call(2, QueueEventKind.Offer, "c1", "B"),
        Call(8, QueueEventKind.RingNoAnswer, "c1", "B"),
        Call(8, QueueEventKind.Offer, "c1", "A"),
        Call(10, QueueEventKind.Connect, "c1", "A") with { CallerNumber = "111", Wait = Seconds(10) },
        Call(60, QueueEventKind.Enter, "c2", null) with { CallerNumber = "222", Position = 1 },
        Call(85, QueueEventKind.Offer, "c2", "B"),
        Call(90, QueueEventKind.Connect, "c2", "B") with { CallerNumber = "222", Wait = Seconds(30) },
        Call(130, QueueEventKind.CompleteByCaller, "c1", "A") with { Talk = Seconds(120) },
        Agent(130, QueueEventKind.WrapUpStart, "A") with { Queue = "support" },
        Agent(160, QueueEventKind.WrapUpEnd, "A") with { Queue = "support" },
        Call(165, QueueEventKind.SurveyScore, "c1", "A") with { Detail = "5" },
        Call(210, QueueEventKind.CompleteByAgent, "c2", "B") with { Talk = Seconds(120) },
        Call(215, QueueEventKind.SurveyScore, "c2", "B") with { Detail = "3" },
        Call(300, QueueEventKind.Enter, "c3", null) with { CallerNumber = "333", Position = 1 },
        Call(315, QueueEventKind.Abandon, "c3", null) with { Position = 1, Wait = Seconds(15) },
        Call(360, QueueEventKind.Enter, "c4", null) with { CallerNumber = "444", Position = 2 },
        Call(400, QueueEventKind.Abandon, "c4", null) with { Position = 2, Wait = Seconds(40) },
        Call(600, QueueEventKind.Enter, "c5", null) with { CallerNumber = "111", Position = 1 },
        Call(720, QueueEventKind.Overflow, "c5", null) with { Wait = Seconds(120), Detail = "voicemail:1005" },
        Agent(20 * 60, QueueEventKind.Pause, "B") with { Detail = "lunch" },
        Agent(30 * 60, QueueEventKind.Logout, "A"),
        Agent(40 * 60, QueueEventKind.Unpause, "B"),
    ];

    [Test]
    public void A_queue_counts_offered_answered_abandoned_and_overflowed_callers()
    {
        var support = QueueFigureCalculator.Compute(AnHour(), Hour).Queues.Single();

        Assert.Multiple(() =>
        {
            Assert.That(support.Queue, Is.EqualTo("support"));
            Assert.That(support.Offered, Is.EqualTo(5));
            Assert.That(support.Answered, Is.EqualTo(2));
            Assert.That(support.Abandoned, Is.EqualTo(2));
            Assert.That(support.AbandonedWithinThreshold, Is.EqualTo(1), "15 s is within 20 s, 40 s is not");
            Assert.That(support.Overflowed, Is.EqualTo(1));
            Assert.That(support.Transfers, Is.Zero);
        });
    }

    [Test]
    public void Service_level_is_answered_within_the_threshold_over_offered_with_short_abandons_counting_against_it()
    {
        var support = QueueFigureCalculator.Compute(AnHour(), Hour).Queues.Single();

        // Only c1 (10 s) is answered within 20 s; 5 offered, the short abandon c3 among them: 1 / 5.
        Assert.That(support.AnsweredWithinThreshold, Is.EqualTo(1));
        Assert.That(support.ServiceLevel, Is.EqualTo(0.2).Within(1e-9));
    }

    [Test]
    public void Speed_of_answer_handle_time_and_longest_wait_come_from_the_waits_talk_and_wrap_up()
    {
        var support = QueueFigureCalculator.Compute(AnHour(), Hour).Queues.Single();

        Assert.Multiple(() =>
        {
            Assert.That(support.AverageSpeedOfAnswer, Is.EqualTo(Seconds(20)), "(10 + 30) / 2");
            Assert.That(support.AverageHandleTime, Is.EqualTo(Seconds(135)), "(120 + 120 talk + 30 wrap-up) / 2");
            Assert.That(support.LongestWait, Is.EqualTo(Seconds(120)), "c5 waited 120 s before it overflowed");
        });
    }

    [Test]
    public void A_caller_who_calls_the_queue_again_within_the_window_was_not_resolved_at_first_contact()
    {
        var support = QueueFigureCalculator.Compute(AnHour(), Hour).Queues.Single();

        // 111 (c1) came back as c5 ten minutes later; 222 (c2) did not: 1 of 2.
        Assert.That(support.FirstCallResolution, Is.EqualTo(0.5).Within(1e-9));
    }

    [Test]
    public void A_return_after_the_queues_window_leaves_the_first_call_resolved()
    {
        var events = AnHour();
        var settings = Hour with { FirstCallWindows = new Dictionary<string, TimeSpan> { ["support"] = TimeSpan.FromMinutes(5) } };

        var support = QueueFigureCalculator.Compute(events, settings).Queues.Single();

        // c5 entered 590 s after c1 was answered: beyond 5 minutes, so both answered callers were resolved.
        Assert.That(support.FirstCallResolution, Is.EqualTo(1.0));
    }

    [Test]
    public void A_return_after_the_interval_still_counts_against_first_call_resolution()
    {
        var events = AnHour();
        events.Add(Call(3600 + 1800, QueueEventKind.Enter, "c6", null) with { CallerNumber = "222" });

        var support = QueueFigureCalculator.Compute(events, Hour).Queues.Single();

        Assert.Multiple(() =>
        {
            Assert.That(support.FirstCallResolution, Is.EqualTo(0.0), "111 and 222 both called again within 24 h");
            Assert.That(support.Offered, Is.EqualTo(5), "c6 entered after the interval");
        });
    }

    [Test]
    public void Satisfaction_is_the_share_of_scores_of_four_or_five_and_the_average_score()
    {
        var support = QueueFigureCalculator.Compute(AnHour(), Hour).Queues.Single();

        Assert.Multiple(() =>
        {
            Assert.That(support.Surveys, Is.EqualTo(2));
            Assert.That(support.Csat, Is.EqualTo(0.5).Within(1e-9), "5 counts, 3 does not");
            Assert.That(support.AverageScore, Is.EqualTo(4.0).Within(1e-9));
        });
    }

    [Test]
    public void An_agents_staffed_time_is_logged_in_and_unpaused_time_within_the_interval()
    {
        var agents = QueueFigureCalculator.Compute(AnHour(), Hour).Agents;
        var a = agents.Single(x => x.Agent == "A");
        var b = agents.Single(x => x.Agent == "B");

        Assert.Multiple(() =>
        {
            Assert.That(a.Staffed, Is.EqualTo(TimeSpan.FromMinutes(30)), "logged in at 09:00: only 10:00-10:30 counts");
            Assert.That(b.Staffed, Is.EqualTo(TimeSpan.FromMinutes(40)), "10:00-10:20 and 10:40-11:00");
        });
    }

    [Test]
    public void Occupancy_and_calls_per_hour_are_per_staffed_time()
    {
        var agents = QueueFigureCalculator.Compute(AnHour(), Hour).Agents;
        var a = agents.Single(x => x.Agent == "A");
        var b = agents.Single(x => x.Agent == "B");

        Assert.Multiple(() =>
        {
            Assert.That(a.Occupancy, Is.EqualTo(150.0 / 1800).Within(1e-9), "120 s talk + 30 s wrap-up over 30 minutes");
            Assert.That(a.CallsPerHour, Is.EqualTo(2.0).Within(1e-9), "1 call in half an hour");
            Assert.That(a.AverageHandleTime, Is.EqualTo(Seconds(150)));
            Assert.That(b.Occupancy, Is.EqualTo(120.0 / 2400).Within(1e-9), "120 s talk over 40 minutes");
            Assert.That(b.CallsPerHour, Is.EqualTo(1.5).Within(1e-9), "1 call in 2/3 of an hour");
        });
    }

    [Test]
    public void An_agent_counts_its_offers_misses_answers_and_scores()
    {
        var b = QueueFigureCalculator.Compute(AnHour(), Hour).Agents.Single(x => x.Agent == "B");

        Assert.Multiple(() =>
        {
            Assert.That(b.Offers, Is.EqualTo(2));
            Assert.That(b.NoAnswer, Is.EqualTo(1));
            Assert.That(b.Answered, Is.EqualTo(1));
            Assert.That(b.Completed, Is.EqualTo(1));
            Assert.That(b.Talk, Is.EqualTo(Seconds(120)));
            Assert.That(b.WrapUp, Is.EqualTo(TimeSpan.Zero));
            Assert.That(b.Csat, Is.EqualTo(0.0));
            Assert.That(b.AverageScore, Is.EqualTo(3.0));
        });
    }

    [Test]
    public void An_agent_first_seen_pausing_was_staffed_from_the_start_of_the_interval()
    {
        var events = new List<QueueEvent> { Agent(15 * 60, QueueEventKind.Pause, "C") with { Detail = "1" } };

        var c = QueueFigureCalculator.Compute(events, Hour).Agents.Single();

        Assert.That(c.Staffed, Is.EqualTo(TimeSpan.FromMinutes(15)));
    }

    [Test]
    public void Events_outside_the_interval_are_not_counted()
    {
        var events = AnHour();
        events.Add(Call(-10, QueueEventKind.Enter, "c0", null) with { CallerNumber = "999" });
        events.Add(Call(3600, QueueEventKind.Abandon, "c0", null) with { Wait = Seconds(3610) });

        var support = QueueFigureCalculator.Compute(events, Hour).Queues.Single();

        Assert.Multiple(() =>
        {
            Assert.That(support.Offered, Is.EqualTo(5));
            Assert.That(support.Abandoned, Is.EqualTo(2));
        });
    }

    [Test]
    public void A_queue_with_no_answered_call_has_no_averages()
    {
        var events = new List<QueueEvent> { Call(5, QueueEventKind.Enter, "c1", null), Call(9, QueueEventKind.Abandon, "c1", null) with { Wait = Seconds(4) } };

        var support = QueueFigureCalculator.Compute(events, Hour).Queues.Single();

        Assert.Multiple(() =>
        {
            Assert.That(support.AverageSpeedOfAnswer, Is.Null);
            Assert.That(support.AverageHandleTime, Is.Null);
            Assert.That(support.FirstCallResolution, Is.Null);
            Assert.That(support.Csat, Is.Null);
            Assert.That(support.ServiceLevel, Is.EqualTo(0.0));
        });
    }

    private static QueueEvent Call(int second, QueueEventKind kind, string callId, string? agent) =>
        new(Ten.AddSeconds(second), kind, callId, "support", agent);

    private static QueueEvent Agent(int second, QueueEventKind kind, string agent) => new(Ten.AddSeconds(second), kind, null, null, agent);

    private static TimeSpan Seconds(int seconds) => TimeSpan.FromSeconds(seconds);
}
