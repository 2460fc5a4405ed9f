using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Softswitch.Benchmarks;

/// <summary>
/// What a running process allocates, from the runtime's EventPipe events: the total (the runtime's alloc-rate counter,
/// summed), the collections of each generation, and a sample of allocations by type (one AllocationTick per ~100 KB
/// allocated names the type that crossed the mark, so a type's share of ticks is its share of the bytes). bridge-load.sh
/// runs it beside a rate to turn the total into bytes per call and to name the big allocators.
/// </summary>
internal static class AllocTrace
{
    public static void Run(int processId, int seconds, int top)
    {
        var client = new DiagnosticsClient(processId);
        EventPipeProvider[] providers =
        [
            new("Microsoft-Windows-DotNETRuntime", EventLevel.Verbose, (long)ClrTraceEventParser.Keywords.GC),
            new("System.Runtime", EventLevel.Informational, 0, new Dictionary<string, string> { ["EventCounterIntervalSec"] = "1" }),
        ];
        using var session = client.StartEventPipeSession(providers, requestRundown: false);
        using var source = new EventPipeEventSource(session.EventStream);
        var byType = new Dictionary<string, (long Bytes, int Ticks)>();
        var collections = new int[3];
        double allocated = 0;
        source.Clr.GCAllocationTick += (GCAllocationTickTraceData e) =>
        {
            var name = e.TypeName ?? "?";
            byType.TryGetValue(name, out var seen);
            byType[name] = (seen.Bytes + e.AllocationAmount64, seen.Ticks + 1);
        };
        source.Clr.GCStart += e => collections[Math.Min(2, e.Depth)]++;
        source.Dynamic.All += e =>
        {
            if (e.EventName != "EventCounters" || e.PayloadValue(0) is not IDictionary<string, object> payload) return;
            if (payload.TryGetValue("Payload", out var inner) && inner is IDictionary<string, object> fields
                && fields.TryGetValue("Name", out var counter) && (string)counter == "alloc-rate"
                && fields.TryGetValue("Increment", out var increment))
            {
                allocated += Convert.ToDouble(increment, System.Globalization.CultureInfo.InvariantCulture);
            }
        };

        _ = Task.Delay(TimeSpan.FromSeconds(seconds)).ContinueWith(_ => session.Stop(), TaskScheduler.Default);
        source.Process();
        var sampled = byType.Values.Sum(v => v.Bytes);
        Console.WriteLine($"allocated_bytes={allocated:0} gen0={collections[0]} gen1={collections[1]} gen2={collections[2]} sampled_bytes={sampled}");
        foreach (var (name, (bytes, ticks)) in byType.OrderByDescending(kv => kv.Value.Bytes).Take(top))
        {
            Console.WriteLine($"{100.0 * bytes / Math.Max(1, sampled),6:0.0}% {ticks,6} ticks {name}");
        }
    }
}
