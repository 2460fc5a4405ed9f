namespace Softswitch.Interop.Tests.Support;

/// <summary>
/// Runs one of the hardening scenarios that take the caller and the Request-URI host as sipp keys
/// (<c>-key caller</c>, <c>-key domain</c>), with the digest uri signed for that same URI, as a phone signs it.
/// </summary>
public static class SippCaller
{
    public const string Echo = "*43";

    /// <param name="softswitch">The switch.</param>
    /// <param name="scenario">A file under Scenarios/.</param>
    /// <param name="extension">1001 or 1002 (the test switch's extensions).</param>
    /// <param name="timeout">The whole sipp run must end within this.</param>
    /// <param name="host">The Request-URI host; the switch's own address and port when null.</param>
    /// <param name="extra">More sipp arguments (-m, -l, -d ...).</param>
    public static Task<ToolResult> RunAsync(SoftswitchProcess softswitch, string scenario, string extension, TimeSpan timeout, string? host = null,
        params string[] extra) => CallAsync(softswitch, scenario, extension, Echo, timeout, host, extra);

    /// <summary>As <see cref="RunAsync"/>, dialling <paramref name="number"/>; <paramref name="scenario"/> may be a full path.</summary>
    public static Task<ToolResult> CallAsync(SoftswitchProcess softswitch, string scenario, string extension, string number, TimeSpan timeout,
        string? host = null, params string[] extra)
    {
        host ??= $"127.0.0.1:{softswitch.Port}";
        var password = extension switch
        {
            "1001" => SoftswitchProcess.Password1001,
            "1002" => SoftswitchProcess.Password1002,
            "1003" => SoftswitchProcess.Password1003,
            _ => throw new ArgumentOutOfRangeException(nameof(extension), extension, "the test switch has 1001 and 1002 (and 1003 when a test adds it)"),
        };
        string[] arguments =
        [
            "-key", "caller", extension, "-key", "domain", host, "-s", number, "-au", extension, "-ap", password, "-auth_uri", $"{number}@{host}",
            "-mp", FreePort.ForUdp().ToString(), .. extra,
        ];
        return Sipp.RunAsync(softswitch, scenario, timeout, arguments);
    }
}
