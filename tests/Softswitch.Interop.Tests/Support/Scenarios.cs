namespace Softswitch.Interop.Tests.Support;

/// <summary>sipp scenarios with placeholders (EXPECTED, STATUS, ANSWER_MS) filled in for one test.</summary>
public static class Scenarios
{
    /// <summary>A copy of Scenarios/<paramref name="scenario"/> in a temporary folder with each placeholder replaced; its path.</summary>
    public static string Written(string scenario, params (string Placeholder, string Value)[] values)
    {
        var text = File.ReadAllText(Sipp.Scenario(scenario));
        foreach (var (placeholder, value) in values) text = text.Replace(placeholder, value, StringComparison.Ordinal);
        var path = Path.Combine(Directory.CreateTempSubdirectory("sipp-scenario-").FullName, scenario);
        File.WriteAllText(path, text);
        return path;
    }
}
