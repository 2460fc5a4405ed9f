using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Softswitch.Interop.Tests.Support;

/// <summary>
/// The real softswitch executable, started the way the README starts it (with a config file),
/// on a free loopback port with a temporary database. Disposing stops it by its PID.
/// </summary>
public sealed class SoftswitchProcess : IAsyncDisposable
{
    public const string Password1001 = "interop-1001-secret";
    public const string Password1002 = "interop-1002-secret";

    /// <summary>The password tests use when they add 1003 with <see cref="Extension1003"/>.</summary>
    public const string Password1003 = "interop-1003-secret";

    /// <summary>Overrides that add extension 1003 (the default configuration has 1001 and 1002).</summary>
    public static readonly string[] Extension1003 = ["--extensions:2:number=1003", $"--extensions:2:password={Password1003}", "--extensions:2:name=Interop Three"];

    private readonly StringBuilder _output = new();
    private readonly IReadOnlyList<string> _arguments;
    private Process _process = null!;

    private SoftswitchProcess(string folder, int port, IReadOnlyList<string> arguments)
    {
        Folder = folder;
        Port = port;
        _arguments = arguments;
    }

    /// <summary>The temporary folder holding the config, and data/ with database and logs (apart, so database writes do not wake the config watcher); removed on dispose.</summary>
    public string Folder { get; }

    public int Port { get; }

    public string DatabasePath => Path.Combine(Folder, "data", "softswitch.db");

    /// <summary>The config file it was started with (the README's <c>softswitch run --config FILE</c>).</summary>
    public string ConfigPath => Path.Combine(Folder, "softswitch.yaml");

    /// <summary>The folder of its daily log files.</summary>
    public string LogFolder => Path.Combine(Folder, "data", "logs");

    /// <summary>The softswitch executable the tests run (<c>dotnet softswitch.dll</c>).</summary>
    public static string Executable => Path.Combine(AppContext.BaseDirectory, "softswitch.dll");

    public int ProcessId => _process.Id;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static async Task<SoftswitchProcess> StartAsync(string? extraYaml = null, params string[] overrides)
    {
        var folder = Directory.CreateTempSubdirectory("softswitch-interop-").FullName;
        var port = FreePort.ForUdpAndTcp();
        var configPath = Path.Combine(folder, "softswitch.yaml");
        await File.WriteAllTextAsync(configPath, ConfigYaml(folder, port) + (extraYaml ?? ""));

        var executable = Executable;
        var softswitch = new SoftswitchProcess(folder, port, [executable, "run", "--config", configPath, .. overrides]);
        softswitch.Launch();
        await softswitch.WaitUntilAnsweringAsync(TimeSpan.FromSeconds(30));
        return softswitch;
    }

    /// <summary>
    /// Stops the switch with SIGTERM (by PID), waits for it to exit, runs <paramref name="whileStopped"/>, then starts a
    /// new process with the same folder, configuration, database and port. Returns the old process's exit code.
    /// </summary>
    public async Task<int> RestartAsync(Func<Task>? whileStopped = null)
    {
        Posix.Terminate(_process.Id);
        var exitCode = await WaitForExitAsync(TimeSpan.FromSeconds(20));
        _process.Dispose();
        if (whileStopped is not null) await whileStopped();
        Append("--- restarted ---");
        Launch();
        await WaitUntilAnsweringAsync(TimeSpan.FromSeconds(30));
        return exitCode;
    }

    private void Launch()
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Folder,
        };
        foreach (var argument in _arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start softswitch");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
    }

    /// <summary>The repository's sounds/ folder (the demo prompts), found above the test binaries.</summary>
    public static string RepositorySounds
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Softswitch.sln"))) return Path.Combine(folder.FullName, "sounds");
            }

            throw new DirectoryNotFoundException("Softswitch.sln not found above " + AppContext.BaseDirectory);
        }
    }

    private static string ConfigYaml(string folder, int port) => $"""
        sip:
          listen: 127.0.0.1
          port: {port}
          domain: softswitch.test
        storage:
          database: {Path.Combine(folder, "data", "softswitch.db")}
          recordings: {Path.Combine(folder, "data", "recordings")}
        ivr:
          sounds: {RepositorySounds}
        logging:
          level: Debug
          file: {Path.Combine(folder, "data", "logs", "softswitch-.log")}
        extensions:
          - number: "1001"
            name: Interop One
            password: {Password1001}
          - number: "1002"
            name: Interop Two
            password: {Password1002}

        """;

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    /// <summary>Ready means a real OPTIONS over UDP gets a SIP response, not just that the process started.</summary>
    private async Task WaitUntilAnsweringAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var local = (IPEndPoint)udp.Client.LocalEndPoint!;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"softswitch exited with {_process.ExitCode} before answering:\n{Output}");
            }

            var options = SipProbe.Options(local, Port);
            await udp.SendAsync(options, new IPEndPoint(IPAddress.Loopback, Port));
            using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(250));
            try
            {
                var reply = await udp.ReceiveAsync(wait.Token);
                if (Encoding.ASCII.GetString(reply.Buffer).StartsWith("SIP/2.0 ", StringComparison.Ordinal)) return;
            }
            catch (OperationCanceledException)
            {
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"softswitch did not answer OPTIONS on port {Port} within {timeout}:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM first: the switch must shut down cleanly and flush its writers.
            Posix.Terminate(_process.Id);
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Waits for the process to exit on its own (after <see cref="Posix.Terminate"/>).</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }
}
