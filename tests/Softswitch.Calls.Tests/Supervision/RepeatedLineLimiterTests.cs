using Microsoft.Extensions.Time.Testing;
using Softswitch.Calls.Supervision;

namespace Softswitch.Calls.Tests.Supervision;

public sealed class RepeatedLineLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    [Test]
    public void A_flood_logs_only_the_budget_of_each_window()
    {
        var limiter = new RepeatedLineLimiter(maxLines: 5, TimeSpan.FromMinutes(1), _time);

        var logged = Enumerable.Range(0, 10_000).Count(_ => limiter.TryTake(out _));

        Assert.That(logged, Is.EqualTo(5));
        Assert.That(limiter.TakeSuppressed(), Is.EqualTo(9_995));
    }

    [Test]
    public void The_next_window_reports_how_many_were_left_out_then_logs_again()
    {
        var limiter = new RepeatedLineLimiter(maxLines: 2, TimeSpan.FromMinutes(1), _time);
        for (var i = 0; i < 7; i++) limiter.TryTake(out _);

        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.That(limiter.TryTake(out var suppressed), Is.True);
        Assert.That(suppressed, Is.EqualTo(5));
        Assert.That(limiter.TakeSuppressed(), Is.Zero, "a summary is given once");
    }

    [Test]
    public void Events_within_the_budget_are_all_logged_with_nothing_to_summarise()
    {
        var limiter = new RepeatedLineLimiter(maxLines: 50, TimeSpan.FromMinutes(1), _time);

        for (var i = 0; i < 50; i++)
        {
            Assert.That(limiter.TryTake(out var suppressed), Is.True);
            Assert.That(suppressed, Is.Zero);
        }

        Assert.That(limiter.TakeSuppressed(), Is.Zero);
    }
}
