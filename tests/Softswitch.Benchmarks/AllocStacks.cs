using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Softswitch.Benchmarks;

/// <summary>
/// Where a running process allocates: its AllocationTick events (one per ~100 KB) with their stacks, written to a
/// .nettrace file with a rundown (so JIT-compiled methods have names), then grouped by the allocating type and the
/// first frames of the project's own code (Softswitch.*) and of the library code that allocated for it.
/// </summary>
internal static class AllocStacks
{
    public static void Run(int processId, int seconds, int top, string path)
    {
        if (seconds > 0) Record(processId, seconds, path);
        Summarise(top, path);
    }

    private static void Record(int processId, int seconds, string path)
    {
        var client = new DiagnosticsClient(processId);
        EventPipeProvider[] providers =
        [
            new("Microsoft-Windows-DotNETRuntime", EventLevel.Verbose, (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.Jit
                | ClrTraceEventParser.Keywords.Loader | ClrTraceEventParser.Keywords.Stack)),
        ];
        using (var session = client.StartEventPipeSession(providers, requestRundown: true))
        {
            using var file = File.Create(path);
            var copy = session.EventStream.CopyToAsync(file);
            Thread.Sleep(TimeSpan.FromSeconds(seconds));
            session.Stop();
            copy.Wait(TimeSpan.FromSeconds(60));
        }
    }

    private static void Summarise(int top, string path)
    {
        var byPlace = new Dictionary<string, int>();
        var byArea = new Dictionary<string, int>();
        var total = 0;
        using (var log = new TraceLog(TraceLog.CreateFromEventPipeDataFile(path)))
        {
            foreach (var e in log.Events)
            {
                if (e is not GCAllocationTickTraceData tick) continue;
                total++;
                var frames = new List<string>();
                for (var frame = e.CallStack(); frame is not null && frames.Count < 40; frame = frame.Caller)
                {
                    frames.Add(frame.CodeAddress.FullMethodName ?? "?");
                }

                // The innermost frame of our own code, and the library frame just inside it (what it called that allocated).
                var own = frames.FindIndex(name => name.StartsWith("Softswitch.", StringComparison.Ordinal));
                var place = own < 0
                    ? string.Join(" < ", frames.Take(3))
                    : (own > 0 ? frames[own - 1] + " < " : "") + frames[own] + (own + 1 < frames.Count ? " < " + frames[own + 1] : "");
                var key = $"{tick.TypeName} @ {place}";
                var area = Area(frames, own);
                byArea[area] = byArea.GetValueOrDefault(area) + 1;
                byPlace[key] = byPlace.GetValueOrDefault(key) + 1;
            }
        }

        Console.WriteLine($"allocation_ticks={total}");
        foreach (var (area, count) in byArea.OrderByDescending(kv => kv.Value))
        {
            Console.WriteLine($"area {100.0 * count / Math.Max(1, total),6:0.0}% {count,5} {area}");
        }

        foreach (var (key, count) in byPlace.OrderByDescending(kv => kv.Value).Take(top))
        {
            Console.WriteLine($"{100.0 * count / Math.Max(1, total),6:0.0}% {count,5} {key}");
        }
        }

    /// <summary>
    /// Who the allocation is for: logging (Serilog and the logger's formatting), the configuration's file watcher, or the
    /// namespace of the innermost project frame (Softswitch.Sip.Messages, Softswitch.Media.Rtp, ...).
    /// </summary>
    private static string Area(List<string> frames, int own)
    {
        if (frames.Any(name => name.StartsWith("Serilog.", StringComparison.Ordinal) || name.Contains("LoggerMessage", StringComparison.Ordinal)
                || name.Contains("CallIdTextFormatter", StringComparison.Ordinal)))
        {
            return "logging";
        }

        if (frames.Any(name => name.Contains("FileSystemWatcher", StringComparison.Ordinal))) return "configuration file watcher";
        if (own < 0) return "runtime/other: " + (frames.Count > 0 ? frames[Math.Min(frames.Count - 1, 1)] : "?");
        // Namespaces are three deep (Softswitch.Sip.Messages): the method's first three segments name its area.
        var method = frames[own];
        var name = method.IndexOf('(') is > 0 and var open ? method[..open] : method;
        return string.Join('.', name.Split('.').Take(3));
    }
}
