using System.Diagnostics;

namespace Softswitch.Interop.Tests.Support;

/// <summary>A headless baresip softphone (Debian baresip-core) with its own config folder; disposing kills it by PID.</summary>
public sealed class Baresip : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private Baresip(Process process, string folder)
    {
        _process = process;
        _folder = folder;
    }

    public static Baresip Start(string account)
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

            """);
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
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new Baresip(process, folder);
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
