namespace Softswitch.Interop.Tests.Support;

/// <summary>Runs sipp (Debian sip-tester) with a scenario from Scenarios/ against the switch on loopback.</summary>
public static class Sipp
{
    public static string Scenario(string name) => Path.IsPathRooted(name) ? name : Path.Combine(AppContext.BaseDirectory, "Scenarios", name);

    /// <summary>sipp exits 0 when every call succeeded, 1 when some failed, 255 on a fatal error.</summary>
    public static Task<ToolResult> RunAsync(SoftswitchProcess softswitch, string scenario, TimeSpan timeout, params string[] extra)
    {
        var workDir = Directory.CreateTempSubdirectory("sipp-").FullName;
        var arguments = new List<string>
        {
            "-sf", Scenario(scenario),
            "-i", "127.0.0.1", "-mi", "127.0.0.1",
            "-p", FreePort.ForUdp().ToString(),
            "-nostdin", "-timeout", $"{(int)timeout.TotalSeconds}s", "-timeout_error",
        };
        arguments.AddRange(extra);
        arguments.Add($"127.0.0.1:{softswitch.Port}");
        return Tool.RunAsync("sipp", arguments, timeout + TimeSpan.FromSeconds(10), workDir);
    }
}
