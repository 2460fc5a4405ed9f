using Softswitch.Ivr.Calendars;
using Softswitch.Ivr.Loading;
using Softswitch.Ivr.Runtime;

namespace Softswitch.Ivr.Flows;

/// <summary>
/// <c>hours: office</c>: goes to <c>open</c> or <c>closed</c> by the named calendar of <c>ivr-flows/calendars.yaml</c>
/// (on a holiday to <c>holiday</c>, or <c>closed</c> when the node has none).
/// </summary>
public sealed class HoursNode(string name, SourcePosition position, BusinessCalendar? calendar, NodeReference? open, NodeReference? closed, NodeReference? holiday)
    : FlowNode(name, position)
{
    public override string Kind => "hours";

    /// <summary>The calendar as it was when the flow was loaded (null only in a flow that failed validation).</summary>
    public BusinessCalendar? Calendar => calendar;

    public override IEnumerable<NodeReference> Exits => Present(open, closed, holiday);

    internal static HoursNode Parse(NodeSource source)
    {
        var reader = source.Reader;
        BusinessCalendar? calendar = null;
        if (reader.Scalar(source.KindValue, "hours") is { } calendarName)
        {
            if (!source.Calendars.TryGetValue(calendarName, out calendar))
            {
                var known = source.Calendars.Count == 0 ? "calendars.yaml defines none" : $"known: {string.Join(", ", source.Calendars.Keys.Order(StringComparer.Ordinal))}";
                reader.Error(source.KindValue, $"unknown calendar '{calendarName}' ({known})");
            }
        }

        var open = source.Next("open");
        var closed = source.Next("closed");
        if (open is null || closed is null) reader.Error(source.Position, $"hours '{source.Name}' needs both 'open: NODE' and 'closed: NODE'");
        return new HoursNode(source.Name, source.Position, calendar, open, closed, source.Next("holiday"));
    }

    internal override Task<FlowStep> RunAsync(FlowRun run)
    {
        var now = run.Services.TimeProvider.GetUtcNow();
        var state = calendar!.StateAt(now);
        if (run.Tracing) run.Note($"hours {calendar.Name}: {state.ToString().ToLowerInvariant()} ({calendar.Describe(now)})");
        return Task.FromResult(FlowStep.Go(state switch
        {
            CalendarState.Open => open,
            CalendarState.Holiday => holiday ?? closed,
            _ => closed,
        }));
    }
}
