using System.Diagnostics;

namespace Softswitch.Interop.Tests.Support;

/// <summary>A headless baresip softphone (Debian baresip-core) with its own config folder; disposing kills it by PID.</summary>
public sealed class Baresip : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;
    private readonly System.Text.StringBuilder _output = new();

    private Baresip(Process process, string folder)
    {
        _process = process;
        _folder = folder;
    }

    /// <summary>What baresip printed so far (stdout and stderr).</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <param name="account">One line of baresip's accounts file.</param>
    /// <param name="appModules">More application modules to load, e.g. <c>mwi.so</c> (subscribes to message-summary).</param>
    public static Baresip Start(string account, params string[] appModules)
    {
        var folder = Directory.CreateTempSubdirectory("baresip-").FullName;
        var sipPort = FreePort.ForUdp();
        File.WriteAllText(Path.Combine(folder, "config"), $"""
            sip_listen        127.0.0.1:{sipPort}
            audio_player      null
            audio_source      null
            audio_alert       null
            module_path       /usr/lib/baresip/modules
            module            g711.so
            module_tmp        account.so
            module_app        menu.so
            statmode_default  off

            """ + string.Concat(appModules.Select(module => $"module_app        {module}\n")));
        File.WriteAllText(Path.Combine(folder, "accounts"), account + "\n");
        File.WriteAllText(Path.Combine(folder, "contacts"), "");

        var info = new ProcessStartInfo("baresip")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        info.ArgumentList.Add("-f");
        info.ArgumentList.Add(folder);
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start baresip");
        var phone = new Baresip(process, folder);
        process.OutputDataReceived += (_, e) => phone.Append(e.Data);
        process.ErrorDataReceived += (_, e) => phone.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return phone;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
