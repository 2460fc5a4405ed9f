namespace Softswitch.Interop.Tests.Support;

/// <summary>
/// sipp as a carrier (UAS, no remote host) on <c>address:port</c>, running a scenario until it has handled
/// <c>calls</c> calls or times out. Its message trace lets a test wait until it has seen what it needs.
/// </summary>
public sealed class SippCarrier : IAsyncDisposable
{
    private readonly string _folder;

    private SippCarrier(string address, int port, string folder, Task<ToolResult> run)
    {
        Address = address;
        Port = port;
        _folder = folder;
        Run = run;
    }

    public string Address { get; }

    public int Port { get; }

    /// <summary>Completes when sipp exits (0: every call passed).</summary>
    public Task<ToolResult> Run { get; }

    private string MessageFile => Path.Combine(_folder, "messages.log");

    public static SippCarrier Start(string scenario, int calls, TimeSpan timeout, string address = "127.0.0.1")
    {
        var folder = Directory.CreateTempSubdirectory("sipp-carrier-").FullName;
        var port = FreePort.ForUdp();
        var arguments = new List<string>
        {
            "-sf", Sipp.Scenario(scenario), "-i", address, "-mi", address, "-p", port.ToString(),
            "-m", calls.ToString(), "-nostdin", "-timeout", $"{(int)timeout.TotalSeconds}s", "-timeout_error",
            "-trace_msg", "-message_file", Path.Combine(folder, "messages.log"),
        };
        return new SippCarrier(address, port, folder, Tool.RunAsync("sipp", arguments, timeout + TimeSpan.FromSeconds(10), folder));
    }

    /// <summary>How many times sipp has logged <paramref name="text"/> in its message trace so far.</summary>
    public int CountInTrace(string text)
    {
        try
        {
            using var stream = new FileStream(MessageFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var trace = new StreamReader(stream).ReadToEnd();
            return TextCount.Occurrences(trace, text);
        }
        catch (FileNotFoundException)
        {
            return 0;
        }
    }

    /// <summary>Waits until the trace holds <paramref name="text"/> at least <paramref name="count"/> times.</summary>
    public async Task<bool> WaitForTraceAsync(string text, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (CountInTrace(text) >= count) return true;
            if (Run.IsCompleted) return CountInTrace(text) >= count;
            await Task.Delay(100);
        }

        return false;
    }

    /// <summary>Waits for sipp to end (it ends on its own timeout at the latest), then removes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        await Run;
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
