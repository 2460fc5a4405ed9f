using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace Softswitch.Benchmarks;

/// <summary>
/// Lists a running process's garbage collections and how long each stopped it, from the runtime's own EventPipe
/// events (dotnet-trace is not served here). The load script runs it next to a burst of calls, so a stall in call
/// set-up can be matched against the pauses, or ruled out.
/// </summary>
internal static class GcTrace
{
    public static void Run(int processId, int seconds)
    {
        var client = new DiagnosticsClient(processId);
        EventPipeProvider[] providers =
            [new("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, (long)ClrTraceEventParser.Keywords.GC)];
        using var session = client.StartEventPipeSession(providers, requestRundown: false);
        using var source = new EventPipeEventSource(session.EventStream);
        DateTime? first = null, suspended = null;
        var generation = -1;
        var reason = "";
        var pauses = new List<double>();
        source.Clr.GCStart += e =>
        {
            generation = e.Depth;
            reason = e.Reason.ToString();
        };
        source.Clr.GCSuspendEEStart += e => suspended = e.TimeStamp;
        source.Clr.GCRestartEEStop += e =>
        {
            if (suspended is not { } start) return;
            first ??= start;
            var pause = (e.TimeStamp - start).TotalMilliseconds;
            pauses.Add(pause);
            Console.WriteLine($"gc at={(start - first.Value).TotalSeconds:0.000}s gen={generation} reason={reason} pause_ms={pause:0.00}");
            suspended = null;
        };

        _ = Task.Delay(TimeSpan.FromSeconds(seconds)).ContinueWith(_ => session.Stop(), TaskScheduler.Default);
        source.Process();
        pauses.Sort();
        Console.WriteLine($"gc_pauses={pauses.Count} pause_ms_total={pauses.Sum():0.0} pause_ms_max={(pauses.Count > 0 ? pauses[^1] : 0):0.00}");
    }
}
