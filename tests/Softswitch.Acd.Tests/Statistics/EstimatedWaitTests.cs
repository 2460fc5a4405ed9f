using Softswitch.Acd.Model;
using Softswitch.Acd.Statistics;
using Softswitch.Acd.Tests.Support;

namespace Softswitch.Acd.Tests.Statistics;

public sealed class EstimatedWaitTests
{
    [Test]
    public void With_no_history_there_is_no_estimate()
    {
        var statistics = new QueueStatistics(10, TimeSpan.FromSeconds(20));
        Assert.That(statistics.EstimateWait(3, 2), Is.Null);
    }

    [Test]
    public void The_estimate_is_position_times_recent_handle_time_over_serving_agents()
    {
        var statistics = new QueueStatistics(10, TimeSpan.FromSeconds(20));
        statistics.RecordHandled(TimeSpan.FromSeconds(100));
        statistics.RecordHandled(TimeSpan.FromSeconds(200));

        Assert.That(statistics.EstimateWait(3, 2), Is.EqualTo(TimeSpan.FromSeconds(3 * 150 / 2.0)));
        Assert.That(statistics.EstimateWait(3, 0), Is.Null, "nobody serving: unknown, not infinite");
    }

    [Test]
    public void Only_the_recent_window_counts()
    {
        var statistics = new QueueStatistics(2, TimeSpan.FromSeconds(20));
        statistics.RecordHandled(TimeSpan.FromSeconds(1000));
        statistics.RecordHandled(TimeSpan.FromSeconds(60));
        statistics.RecordHandled(TimeSpan.FromSeconds(120));

        Assert.That(statistics.AverageHandleTime, Is.EqualTo(TimeSpan.FromSeconds(90)));
    }

    [Test]
    public void Before_any_call_ends_the_recent_answer_wait_is_the_estimate()
    {
        var statistics = new QueueStatistics(10, TimeSpan.FromSeconds(20));
        statistics.RecordAnswered(TimeSpan.FromSeconds(30));
        statistics.RecordAnswered(TimeSpan.FromSeconds(50));
        Assert.That(statistics.EstimateWait(4, 2), Is.EqualTo(TimeSpan.FromSeconds(40)));
    }

    [Test]
    public void Service_level_counts_answers_within_the_threshold_over_answered_and_abandoned()
    {
        var statistics = new QueueStatistics(10, TimeSpan.FromSeconds(20));
        statistics.RecordAnswered(TimeSpan.FromSeconds(20));
        statistics.RecordAnswered(TimeSpan.FromSeconds(21));
        statistics.RecordAbandoned();
        statistics.RecordAnswered(TimeSpan.FromSeconds(5));
        Assert.That(statistics.ServiceLevel, Is.EqualTo(0.5));
    }

    [Test]
    public void A_caller_hears_its_position_and_a_wait_that_follows_the_live_calls()
    {
        var acd = new AcdHarness([new QueueDefinition("sales") { WrapUp = TimeSpan.FromSeconds(10) }],
            [AcdHarness.Agent("1001", "sales"), AcdHarness.Agent("1002", "sales")]);
        acd.LogIn("1001", "1002");
        // Two calls of 50 s talk + 10 s wrap-up: 60 s handle time.
        acd.Serve(acd.Enter("a", "sales")!.Value, 50);
        acd.Serve(acd.Enter("b", "sales")!.Value, 50);
        acd.Advance(10);
        var busy1 = acd.Enter("c", "sales")!.Value;
        var busy2 = acd.Enter("d", "sales")!.Value;
        acd.Engine.OfferAnswered(busy1.OfferId);
        acd.Engine.OfferAnswered(busy2.OfferId);
        acd.Enter("e", "sales", priority: 0);
        acd.Enter("f", "sales", priority: 0);
        acd.Enter("g", "sales", priority: 1);

        var status = acd.Engine.GetCaller("f")!.Value;
        Assert.That(status.Position, Is.EqualTo(3), "g (priority 1) and e go first");
        Assert.That(status.EstimatedWait, Is.EqualTo(TimeSpan.FromSeconds(3 * 60 / 2.0)));

        // Longer calls lengthen the estimate: 240 s talk + 10 s wrap-up.
        acd.Advance(240);
        acd.Engine.CallEnded(busy1.AgentId!);
        acd.Engine.CallEnded(busy2.AgentId!);
        Assert.That(acd.Engine.GetCaller("f")!.Value.EstimatedWait, Is.EqualTo(TimeSpan.FromSeconds(3 * ((60 + 60 + 250 + 250) / 4.0) / 2)));
    }
}
