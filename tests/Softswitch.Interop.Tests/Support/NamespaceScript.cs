using System.Globalization;

namespace Softswitch.Interop.Tests.Support;

/// <summary>
/// Runs one of the Scripts/*.sh phone scenarios in a private network namespace (`unshare -n`, TESTING.md) against the
/// built softswitch, and reads back the KEY=VALUE lines it prints. The work folder is deleted afterwards; the log
/// keeps the script's output and the named files from it, for assertion messages.
/// </summary>
internal sealed class NamespaceScript
{
    private NamespaceScript(Dictionary<string, string> results, string log)
    {
        Results = results;
        Log = log;
    }

    public Dictionary<string, string> Results { get; }

    public string Log { get; }

    /// <param name="logFiles">Files under the work folder to append to <see cref="Log"/> (e.g. softswitch.out).</param>
    public static async Task<NamespaceScript> RunAsync(string script, TimeSpan timeout, params string[] logFiles)
    {
        var work = Directory.CreateTempSubdirectory(Path.GetFileNameWithoutExtension(script) + "-").FullName;
        var path = Path.Combine(AppContext.BaseDirectory, "Scripts", script);
        var dll = Path.Combine(AppContext.BaseDirectory, "softswitch.dll");
        var result = await Tool.RunAsync("unshare", ["-n", "bash", path, dll, work], timeout);
        var log = result + string.Concat(logFiles.Select(file => $"\n--- {file}\n" + ReadOrEmpty(Path.Combine(work, file))));
        var results = result.StandardOutput.Split('\n')
            .Select(line => line.Trim().Split('=', 2))
            .Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[0])
            .ToDictionary(g => g.Key, g => g.Last()[1].Trim());
        try
        {
            Directory.Delete(work, recursive: true);
        }
        catch (IOException)
        {
        }

        return new NamespaceScript(results, log);
    }

    /// <summary>A number the script printed; fails the test (with the log) when it is missing or not a number.</summary>
    public double Number(string key)
    {
        Assert.That(Results.TryGetValue(key, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
            Is.True, $"{key} missing\n{Log}");
        return double.Parse(Results[key], CultureInfo.InvariantCulture);
    }

    /// <summary>TESTING.md: a tone is present when its band is within <paramref name="margin"/> dB of the total level.</summary>
    public void AssertTone(string totalKey, string bandKey, double margin = 3)
    {
        var total = Number(totalKey);
        Assert.That(total, Is.GreaterThan(-40), $"{totalKey}: not silence\n{Log}");
        Assert.That(Number(bandKey), Is.GreaterThan(total - margin), $"{bandKey}\n{Log}");
    }

    private static string ReadOrEmpty(string path) => File.Exists(path) ? File.ReadAllText(path) : "";
}
