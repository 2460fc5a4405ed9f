using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Acd;

/// <summary>
/// Issue 11: "remote (virtual) agents behind NAT work like local ones". Agent 1002's phone registers from behind a NAT,
/// as sipp plays it: its Contact names 127.0.0.9:5999 (its private address, where nothing listens) while it sends from
/// another port. The queue's offer must reach the phone where its REGISTER came from, and the call must connect.
/// </summary>
[TestFixture]
public sealed class RemoteAgentTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    [Test, Description("RFC 3581 rport: the switch rings the agent at the address the REGISTER came from, not its private Contact")]
    public async Task An_agent_registered_from_behind_nat_is_offered_and_answers_the_queue_call()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync(null,
            "--queues:0:name=support", "--queues:0:ring_timeout_seconds=5",
            "--agents:0:extension=1002", "--agents:0:queues:0:name=support",
            "--routes:0:match=610", "--routes:0:queue=support");
        var phonePort = FreePort.ForUdp();
        var register = await Tool.RunAsync("sipp",
        [
            "-sf", Sipp.Scenario("register-nat.xml"), "-i", "127.0.0.1", "-mi", "127.0.0.1", "-p", phonePort.ToString(),
            "-nostdin", "-timeout", "15s", "-timeout_error", "-s", "1002", "-au", "1002", "-ap", SoftswitchProcess.Password1002,
            "-key", "contact", "127.0.0.9:5999", "-m", "1", $"127.0.0.1:{softswitch.Port}",
        ], TimeSpan.FromSeconds(25), Path.GetTempPath());
        Assert.That(register.ExitCode, Is.Zero, $"registered behind NAT\n{register}\n{softswitch.Output}");

        // The phone answers on the port it registered from: the NAT's mapping.
        var phone = Tool.RunAsync("sipp",
        [
            "-sf", Scenarios.Written("callee-answer.xml", ("ANSWER_MS", "200")), "-i", "127.0.0.1", "-mi", "127.0.0.1",
            "-p", phonePort.ToString(), "-mp", FreePort.ForUdp().ToString(), "-m", "1", "-nostdin", "-timeout", "20s", "-timeout_error",
        ], Limit + TimeSpan.FromSeconds(10), Directory.CreateTempSubdirectory("sipp-").FullName);
        await Task.Delay(300); // sipp binds its port

        var caller = await SippCaller.CallAsync(softswitch, "call-pause-bye.xml", "1001", "610", Limit, null, "-m", "1", "-d", "2000");
        var answered = await phone;

        var log = $"caller: {caller}\nagent: {answered}\n{softswitch.Output}";
        Assert.That((caller.ExitCode, answered.ExitCode), Is.EqualTo((0, 0)), "the agent's phone behind NAT rang, answered and got the BYE\n" + log);
        var row = (await CallTable.WaitForAsync(softswitch)).Single();
        Assert.That((row["callee"], row["hangup_side"]), Is.EqualTo(("1002", "caller")), log);
        Assert.That(row["application_fields"], Does.Contain("\"agent\":\"1002\"").And.Contain("\"queue_result\":\"answered\""), log);
    }
}
