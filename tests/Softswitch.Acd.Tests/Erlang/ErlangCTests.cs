using Softswitch.Acd.Erlang;

namespace Softswitch.Acd.Tests.Erlang;

public sealed class ErlangCTests
{
    private static readonly TimeSpan s_threeMinutes = TimeSpan.FromSeconds(180);

    /// <summary>The textbook formula with factorials, computed independently of the engine's recurrence.</summary>
    private static double ReferenceErlangC(int agents, double traffic)
    {
        double sum = 0, term = 1;
        for (var k = 0; k < agents; k++)
        {
            sum += term;
            term *= traffic / (k + 1);
        }

        // term is now A^N / N!.
        var top = term * agents / (agents - traffic);
        return top / (sum + top);
    }

    [Test]
    public void Traffic_is_calls_per_second_times_handle_time()
    {
        Assert.That(ErlangC.Traffic(120, s_threeMinutes), Is.EqualTo(6.0).Within(1e-12));
    }

    [TestCase(7)]
    [TestCase(8)]
    [TestCase(9)]
    [TestCase(12)]
    public void Probability_of_waiting_matches_the_factorial_formula(int agents)
    {
        Assert.That(ErlangC.ProbabilityOfWaiting(agents, 6), Is.EqualTo(ReferenceErlangC(agents, 6)).Within(1e-12));
    }

    [Test]
    public void Service_level_and_speed_of_answer_follow_from_the_probability_of_waiting()
    {
        var forecast = ErlangC.Forecast(9, 6, s_threeMinutes, TimeSpan.FromSeconds(20));
        var waiting = ReferenceErlangC(9, 6);

        Assert.That(forecast.ServiceLevel, Is.EqualTo(1 - waiting * Math.Exp(-(9 - 6) * 20 / 180.0)).Within(1e-12));
        Assert.That(forecast.AverageSpeedOfAnswer.TotalSeconds, Is.EqualTo(waiting * 180 / (9 - 6)).Within(1e-6));
        Assert.That(forecast.Occupancy, Is.EqualTo(6 / 9.0).Within(1e-12));
    }

    [Test]
    public void Nine_agents_are_needed_for_120_calls_an_hour_of_3_minutes_at_80_20()
    {
        var forecast = ErlangC.AgentsFor(120, s_threeMinutes, 0.80, TimeSpan.FromSeconds(20));

        Assert.That(forecast.Agents, Is.EqualTo(9));
        Assert.That(forecast.ServiceLevel, Is.EqualTo(0.8596).Within(0.0001));
        Assert.That(ErlangC.Forecast(8, 6, s_threeMinutes, TimeSpan.FromSeconds(20)).ServiceLevel, Is.LessThan(0.80), "8 agents are not enough");
    }

    [Test]
    [Description("The textbook call-centre example: 360 calls per half hour, 4 min average, 55 agents, 15 s target: about 24 % wait, ASA 8.2 s, 85 % service level")]
    public void The_textbook_example_of_48_erlang_on_55_agents()
    {
        var forecast = ErlangC.Forecast(55, ErlangC.Traffic(720, TimeSpan.FromMinutes(4)), TimeSpan.FromMinutes(4), TimeSpan.FromSeconds(15));

        Assert.That(forecast.TrafficErlangs, Is.EqualTo(48).Within(1e-9));
        Assert.That(forecast.ProbabilityOfWaiting, Is.EqualTo(0.2387).Within(0.0001));
        Assert.That(forecast.AverageSpeedOfAnswer.TotalSeconds, Is.EqualTo(8.18).Within(0.01));
        Assert.That(forecast.ServiceLevel, Is.EqualTo(0.8459).Within(0.0001));
        Assert.That(forecast.Occupancy, Is.EqualTo(0.8727).Within(0.0001));
    }

    [Test]
    [Description("Queueing textbook: 120 customers an hour, 3 min each, 10 servers: the Erlang C curve gives a probability of waiting of about 0.10")]
    public void Ten_servers_at_six_erlang_wait_about_one_time_in_ten()
    {
        Assert.That(ErlangC.ProbabilityOfWaiting(10, 6), Is.EqualTo(0.10).Within(0.005));
    }

    [Test]
    public void Too_few_agents_always_wait_and_the_queue_never_drains()
    {
        var forecast = ErlangC.Forecast(6, 6, s_threeMinutes, TimeSpan.FromSeconds(20));
        Assert.That((forecast.ProbabilityOfWaiting, forecast.ServiceLevel, forecast.AverageSpeedOfAnswer), Is.EqualTo((1.0, 0.0, TimeSpan.MaxValue)));
    }

    [Test]
    public void Hundreds_of_agents_stay_exact_where_factorials_would_overflow()
    {
        var forecast = ErlangC.AgentsFor(36_000, s_threeMinutes, 0.9, TimeSpan.FromSeconds(10));
        Assert.That(forecast.TrafficErlangs, Is.EqualTo(1800).Within(1e-9));
        Assert.That(forecast.Agents, Is.InRange(1801, 1900));
        Assert.That(double.IsFinite(forecast.ProbabilityOfWaiting) && forecast.ServiceLevel >= 0.9);
    }
}
