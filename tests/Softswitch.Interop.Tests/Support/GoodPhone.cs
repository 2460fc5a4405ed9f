namespace Softswitch.Interop.Tests.Support;

/// <summary>
/// The legitimate phone of the hardening tests: extension 1001 on 127.0.0.1 (attackers use other 127.0.0.x
/// addresses), driven by sipp. Each attack test checks that it still registers and calls the echo test
/// during and after the attack. The switch must have a route <see cref="EchoRouteYaml"/>.
/// </summary>
public static class GoodPhone
{
    /// <summary>The routes block the hardening tests give the switch: <c>*43</c> answers with the echo test.</summary>
    public const string EchoRouteYaml = """
        routes:
          - match: "*43"
            echo: true

        """;

    /// <summary>REGISTER with digest (401, then 200); sipp's exit code 0 means it got the 200.</summary>
    public static Task<ToolResult> RegisterAsync(SoftswitchProcess softswitch) =>
        Sipp.RunAsync(softswitch, "register-digest.xml", TimeSpan.FromSeconds(15),
            "-s", "1001", "-au", "1001", "-ap", SoftswitchProcess.Password1001, "-m", "1");

    /// <summary>A call to <c>*43</c> with digest (407), answered, digits by INFO, hung up; exit code 0 means it all worked.</summary>
    public static Task<ToolResult> CallEchoAsync(SoftswitchProcess softswitch) =>
        Sipp.RunAsync(softswitch, "echo-dtmf-info.xml", TimeSpan.FromSeconds(30),
            "-s", "*43", "-au", "1001", "-ap", SoftswitchProcess.Password1001, "-auth_uri", $"*43@127.0.0.1:{softswitch.Port}",
            "-m", "1", "-mp", FreePort.ForUdp().ToString());

    /// <summary>Registers and calls; fails the test with both tools' output when either does not succeed.</summary>
    public static async Task AssertServedAsync(SoftswitchProcess softswitch, string when)
    {
        var register = await RegisterAsync(softswitch);
        Assert.That(register.ExitCode, Is.EqualTo(0), () => $"the good phone could not register {when}:\n{register}\n{softswitch.Output}");
        var call = await CallEchoAsync(softswitch);
        Assert.That(call.ExitCode, Is.EqualTo(0), () => $"the good phone could not call *43 {when}:\n{call}\n{softswitch.Output}");
    }
}
