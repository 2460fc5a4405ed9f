using System.Buffers.Binary;
using System.Diagnostics;

namespace Softswitch.Media.Tests.Dtmf.Support;

/// <summary>Runs espeak-ng and sox into a temp folder and reads raw 16-bit little-endian PCM back.</summary>
internal sealed class ExternalAudio : IDisposable
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(60);

    public ExternalAudio() =>
        Folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "softswitch-dtmf-" + Guid.NewGuid().ToString("N"))).FullName;

    public string Folder { get; }

    public string File(string name) => Path.Combine(Folder, name);

    /// <summary>Speaks <paramref name="text"/> and converts it to 8 kHz mono 16-bit samples.</summary>
    public async Task<short[]> SpeechAsync(string text)
    {
        var wav = File("speech.wav");
        var raw = File("speech.raw");
        await RunAsync("espeak-ng", "-v", "en", "-w", wav, text);
        await RunAsync("sox", wav, "-r", "8000", "-c", "1", "-b", "16", "-e", "signed-integer", raw, "gain", "-n", "-1");
        return ReadRaw(raw);
    }

    /// <summary>Synthesises a tone pair with sox (mixed to mono, peak at -6 dBFS).</summary>
    public async Task<short[]> SoxTonePairAsync(string name, double seconds, int lowHz, int highHz)
    {
        var raw = File(name + ".raw");
        await RunAsync("sox", "-n", "-r", "8000", "-c", "1", "-b", "16", "-e", "signed-integer", raw,
            "synth", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "sin", lowHz.ToString(), "sin", highHz.ToString(),
            "remix", "-", "gain", "-n", "-6");
        return ReadRaw(raw);
    }

    public static short[] ReadRaw(string path)
    {
        var bytes = System.IO.File.ReadAllBytes(path);
        var samples = new short[bytes.Length / 2];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(2 * i));
        }
        return samples;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is not a test failure.
        }
    }

    private static async Task RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"'{tool}' is required for this test but could not be run ({e.Message}). Install it (apt-get install sox espeak-ng).");
            throw;
        }
        using (process)
        {
            using var timeout = new CancellationTokenSource(ToolTimeout);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            if (process.ExitCode != 0)
            {
                Assert.Fail($"{tool} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}: {await stderr}{await stdout}");
            }
        }
    }
}
