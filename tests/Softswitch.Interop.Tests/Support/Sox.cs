using System.Globalization;

namespace Softswitch.Interop.Tests.Support;

/// <summary>Reads recordings with sox, as TESTING.md does: levels per channel and in a band, and the length.</summary>
public static class Sox
{
    /// <summary>Below this RMS level a channel is silence.</summary>
    public const double SilenceDb = -60;

    /// <summary>
    /// The RMS level (dB) of channel <paramref name="channel"/> (1 = left) of <paramref name="file"/>, within
    /// <paramref name="band"/> (sox sinc syntax, e.g. <c>950-1050</c>) when given. Silence reads as -inf.
    /// </summary>
    public static async Task<double> RmsDbAsync(string file, int channel, string? band = null)
    {
        var arguments = new List<string> { file, "-n", "remix", channel.ToString(CultureInfo.InvariantCulture) };
        if (band is not null) arguments.AddRange(["sinc", band]);
        arguments.Add("stats");
        var result = await Tool.RunAsync("sox", arguments, TimeSpan.FromSeconds(20));
        Assert.That(result.ExitCode, Is.EqualTo(0), () => $"sox could not read {file}:\n{result}");
        var line = result.StandardError.Split('\n').Single(l => l.StartsWith("RMS lev dB", StringComparison.Ordinal));
        var value = line["RMS lev dB".Length..].Trim();
        return value.Contains("inf", StringComparison.Ordinal) ? double.NegativeInfinity : double.Parse(value, CultureInfo.InvariantCulture);
    }

    /// <summary>The length of <paramref name="file"/> in seconds, as sox reads it from the header.</summary>
    public static async Task<double> SecondsAsync(string file)
    {
        var result = await Tool.RunAsync("sox", ["--i", "-D", file], TimeSpan.FromSeconds(20));
        Assert.That(result.ExitCode, Is.EqualTo(0), () => $"sox could not read {file}:\n{result}");
        return double.Parse(result.StandardOutput.Trim(), CultureInfo.InvariantCulture);
    }
}
