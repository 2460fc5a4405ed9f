using FsCheck;
using FsCheck.Fluent;
using Softswitch.Acd.Events;
using Softswitch.Acd.Figures;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;

namespace Softswitch.Acd.Tests.Figures;

/// <summary>For any set of callers who enter within the interval and leave one way or another, the figures agree with each other.</summary>
public sealed class QueueFigurePropertyTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);

    // Each caller: when it entered (s), how long it waited (s), how it left (0 answered, 1 abandoned, 2 overflowed).
    private static readonly Arbitrary<(int Entered, int Waited, int Outcome)[]> s_callers =
        Arb.From(
            (from entered in Gen.Choose(0, 1_800)
             from waited in Gen.Choose(0, 300)
             from outcome in Gen.Choose(0, 2)
             select (entered, waited, outcome)).ArrayOf());

    [Property(MaxTest = 300)]
    public Property Every_caller_who_entered_is_answered_abandoned_or_overflowed_once() =>
        Prop.ForAll(s_callers, callers =>
        {
            var q = Figures(callers);
            return q is null
                ? callers.Length == 0
                : q.Offered == callers.Length && q.Answered + q.Abandoned + q.Overflowed == q.Offered;
        });

    [Property(MaxTest = 300)]
    public Property Service_level_is_a_share_and_the_average_wait_never_exceeds_the_longest() =>
        Prop.ForAll(s_callers, callers =>
        {
            var q = Figures(callers);
            if (q is null) return true;
            var shareOk = q.ServiceLevel is >= 0 and <= 1 && q.AnsweredWithinThreshold <= q.Answered && q.AbandonedWithinThreshold <= q.Abandoned;
            var waitOk = q.AverageSpeedOfAnswer is not { } asa || asa <= q.LongestWait;
            return shareOk && waitOk;
        });

    private static QueueFigures? Figures((int Entered, int Waited, int Outcome)[] callers)
    {
        var events = new List<QueueEvent>();
        for (var i = 0; i < callers.Length; i++)
        {
            var (entered, waited, outcome) = callers[i];
            var id = "c" + i;
            var at = Start.AddSeconds(entered);
            events.Add(new QueueEvent(at, QueueEventKind.Enter, id, "q", null) { CallerNumber = "n" + (i % 7) });
            var kind = outcome switch { 0 => QueueEventKind.Connect, 1 => QueueEventKind.Abandon, _ => QueueEventKind.Overflow };
            events.Add(new QueueEvent(at.AddSeconds(waited), kind, id, "q", outcome == 0 ? "a" : null) { Wait = TimeSpan.FromSeconds(waited) });
        }

        return QueueFigureCalculator.Compute(events, new FigureSettings(Start, Start.AddHours(1))).Queues.SingleOrDefault();
    }
}
