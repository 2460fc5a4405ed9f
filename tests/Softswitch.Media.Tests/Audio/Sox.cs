using System.ComponentModel;
using System.Diagnostics;

namespace Softswitch.Media.Tests.Audio;

/// <summary>Runs the real sox/soxi binaries; a missing binary fails the test with install instructions.</summary>
internal static class Sox
{
    public static Task<string> RunAsync(params string[] arguments) => RunToolAsync("sox", arguments);

    public static Task<string> InfoAsync(params string[] arguments) => RunToolAsync("soxi", arguments);

    /// <summary>Converts any file sox understands to raw signed 16-bit little-endian samples.</summary>
    public static async Task<short[]> ReadAsRawS16Async(string path, string folder)
    {
        string raw = Path.Combine(folder, Path.GetFileNameWithoutExtension(path) + "-" + Guid.NewGuid().ToString("N") + ".s16");
        await RunAsync(path, "-t", "s16", "-e", "signed-integer", "-b", "16", "-L", raw);
        byte[] bytes = await File.ReadAllBytesAsync(raw);
        var samples = new short[bytes.Length / 2];
        Buffer.BlockCopy(bytes, 0, samples, 0, samples.Length * 2);
        return samples;
    }

    private static async Task<string> RunToolAsync(string tool, string[] arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        }
        catch (Win32Exception)
        {
            Assert.Fail($"'{tool}' is not installed; install it with: apt-get install -y sox libsox-fmt-all");
            throw;
        }

        using (process)
        {
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            string output = await stdout + await stderr;
            Assert.That(process.ExitCode, Is.EqualTo(0), $"{tool} {string.Join(' ', arguments)} failed: {output}");
            return output;
        }
    }
}
