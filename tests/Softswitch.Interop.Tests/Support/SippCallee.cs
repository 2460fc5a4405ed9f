namespace Softswitch.Interop.Tests.Support;

/// <summary>
/// A phone played by sipp as a UAS: registered as an extension from the very port sipp then listens on (the switch
/// calls a phone at the address its REGISTER came from), and running one scenario in the background until it ends.
/// </summary>
public sealed class SippCallee
{
    private SippCallee(int port, Task<ToolResult> run)
    {
        Port = port;
        Run = run;
    }

    public int Port { get; }

    /// <summary>sipp's run: exit 0 when the scenario completed.</summary>
    public Task<ToolResult> Run { get; }

    /// <summary>
    /// Registers <paramref name="extension"/> from a free port, then starts sipp on that port with
    /// <paramref name="scenario"/> (a name under Scenarios/, its placeholders replaced by <paramref name="values"/>).
    /// </summary>
    public static Task<SippCallee> StartAsync(SoftswitchProcess softswitch, string extension, string password, string scenario,
        TimeSpan timeout, params (string Placeholder, string Value)[] values) =>
        StartAsync(softswitch, extension, password, scenario, timeout, [], values);

    /// <summary>As above, with more sipp arguments (<paramref name="extra"/>: -au/-ap for a phone that also calls, -cid_str ...).</summary>
    public static async Task<SippCallee> StartAsync(SoftswitchProcess softswitch, string extension, string password, string scenario,
        TimeSpan timeout, string[] extra, params (string Placeholder, string Value)[] values)
    {
        int port;
        using (var phone = new RawSipPhone("127.0.0.1", softswitch.Port, FreePort.ForUdp()))
        {
            port = phone.Local.Port;
            var (status, _) = await phone.RegisterAsync(extension, password, qop: true, TimeSpan.FromSeconds(5));
            Assert.That(status, Is.EqualTo(200), $"REGISTER {extension} from {phone.Local}\n{softswitch.Output}");
        }

        var path = values.Length == 0 ? Sipp.Scenario(scenario) : Scenarios.Written(scenario, values);

        var run = Tool.RunAsync("sipp",
        [
            "-sf", path, "-i", "127.0.0.1", "-mi", "127.0.0.1", "-p", port.ToString(), "-mp", FreePort.ForUdp().ToString(),
            "-m", "1", "-nostdin", "-timeout", $"{(int)timeout.TotalSeconds}s", "-timeout_error", .. extra,
        ], timeout + TimeSpan.FromSeconds(10), Directory.CreateTempSubdirectory("sipp-").FullName);
        await Task.Delay(300); // sipp binds its port
        return new SippCallee(port, run);
    }
}
