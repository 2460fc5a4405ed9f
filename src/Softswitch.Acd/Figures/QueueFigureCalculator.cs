using Softswitch.Acd.Events;

namespace Softswitch.Acd.Figures;

/// <summary>
/// The call-centre figures of each queue and agent over an interval, from the queue event log alone (pure: no clock,
/// no storage). Counts go by the time of each event: a caller who entered before the interval and was answered in it
/// counts as answered, not offered. Give it the events of the interval plus, for first-call resolution, those of the
/// FCR window after it, and for agents' staffed time those a while before it (a login before the events is unseen).
/// </summary>
public static class QueueFigureCalculator
{
    /// <summary>Computes the figures of every queue and agent that appears in <paramref name="events"/>.</summary>
    public static FigureReport Compute(IEnumerable<QueueEvent> events, FigureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(settings);
        var ordered = events.OrderBy(e => e.At).ToList();
        var queues = new Dictionary<string, QueueTally>(StringComparer.Ordinal);
        var agents = new Dictionary<string, AgentTally>(StringComparer.Ordinal);
        var entries = new Dictionary<(string Queue, string Number), List<(DateTimeOffset At, string? CallId)>>();
        var answered = new List<QueueEvent>();
        foreach (var e in ordered)
        {
            if (e.Kind == QueueEventKind.Enter && e.Queue is { } entered && !string.IsNullOrEmpty(e.CallerNumber))
            {
                var key = (entered, e.CallerNumber);
                if (!entries.TryGetValue(key, out var list)) entries[key] = list = [];
                list.Add((e.At, e.CallId));
            }

            if (e.Agent is { } agent)
            {
                var agentTally = Tally(agents, agent, () => new AgentTally(agent, settings));
                if (agentTally.Add(e) is { Queue: { } wrapQueue } wrap) QueueOf(queues, wrapQueue, settings).WrapUp += wrap.Length;
            }

            if (e.Queue is not { } queue || !settings.Contains(e.At)) continue;
            QueueOf(queues, queue, settings).Add(e);
            if (e.Kind == QueueEventKind.Connect && !string.IsNullOrEmpty(e.CallerNumber)) answered.Add(e);
        }

        foreach (var tally in agents.Values)
        {
            if (tally.Finish() is { Queue: { } wrapQueue } wrap) QueueOf(queues, wrapQueue, settings).WrapUp += wrap.Length;
        }

        foreach (var connect in answered)
        {
            var again = entries.TryGetValue((connect.Queue!, connect.CallerNumber!), out var calls) && calls
                .Any(entry => entry.CallId != connect.CallId && entry.At > connect.At && entry.At - connect.At <= settings.FirstCallWindowOf(connect.Queue!));
            queues[connect.Queue!].AddFirstCall(resolved: !again);
        }

        return new FigureReport(
            queues.OrderBy(q => q.Key, StringComparer.Ordinal).Select(q => q.Value.ToFigures()).ToList(),
            agents.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Value.ToFigures()).ToList());
    }

    private static QueueTally QueueOf(Dictionary<string, QueueTally> queues, string queue, FigureSettings settings) =>
        Tally(queues, queue, () => new QueueTally(queue, settings.ThresholdOf(queue)));

    private static T Tally<T>(Dictionary<string, T> tallies, string name, Func<T> create)
    {
        if (!tallies.TryGetValue(name, out var tally)) tallies[name] = tally = create();
        return tally;
    }
}
