using System.Text.Json;
using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Acd;

/// <summary>
/// Virtual hold on the real switch: 1001 calls queue support (route 610) while its only agent, 1002, is logged out,
/// presses 1 by SIP INFO and is hung up on; 1001's phone (a sipp UAS registered as 1001) waits. When 1002 logs in
/// (*50) with its phone registered, the switch rings 1002, says "callback for 1 0 0 1", then dials 1001 and bridges.
/// </summary>
[TestFixture]
public sealed class QueueCallbackTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(40);

    private SoftswitchProcess? _softswitch;

    [TearDown]
    public async Task StopSwitch()
    {
        if (_softswitch is not null) await _softswitch.DisposeAsync();
    }

    [Test]
    public async Task A_caller_who_pressed_1_is_dialled_back_once_an_agent_is_free_after_the_agent_heard_whom_for()
    {
        var softswitch = _softswitch = await SoftswitchProcess.StartAsync(null,
        [
            "--queues:0:name=support", "--queues:0:ring_timeout_seconds=10",
            "--queues:0:callback:enabled=true", "--queues:0:callback:ring_seconds=10",
            "--agents:0:extension=1002", "--agents:0:queues:0:name=support",
            "--routes:0:match=610", "--routes:0:queue=support",
            "--limits:max_calls_per_extension=0",
        ]);
        var logOut = await SippCaller.CallAsync(softswitch, "call-pause-bye.xml", "1002", "*51", Limit, null, "-m", "1", "-d", "300");
        Assert.That(logOut.ExitCode, Is.Zero, $"*51 answered\n{logOut}\n{softswitch.Output}");
        var phone1001 = await SippCallee.StartAsync(softswitch, "1001", SoftswitchProcess.Password1001, "callee-answer-bye.xml", Limit,
            ("ANSWER_MS", "200"), ("TALK_MS", "1500"));

        // The caller presses 1 (SIP INFO) half a second after the answer and waits for the switch to hang up.
        var pressOne = Scenarios.Written("call-info-until-bye.xml", ("Signal=5", "Signal=1"));
        var caller = await SippCaller.CallAsync(softswitch, pressOne, "1001", "610", Limit, null, "-m", "1");
        Assert.That(caller.ExitCode, Is.Zero, $"the caller was hung up on after pressing 1\n{caller}\n{softswitch.Output}");
        Assert.That(phone1001.Run.IsCompleted, Is.False, "nobody is called back while no agent is free");

        var agent = await SippCallee.StartAsync(softswitch, "1002", SoftswitchProcess.Password1002, "callee-answer.xml", Limit, ("ANSWER_MS", "200"));
        var logIn = await SippCaller.CallAsync(softswitch, "call-pause-bye.xml", "1002", "*50", Limit, null, "-m", "1", "-d", "300");
        Assert.That(logIn.ExitCode, Is.Zero, $"*50 answered\n{logIn}\n{softswitch.Output}");

        var agentRun = await agent.Run;
        var phoneRun = await phone1001.Run;
        Assert.That(agentRun.ExitCode, Is.Zero, $"1002 rang, answered and got the BYE\n{agentRun}\n{softswitch.Output}");
        Assert.That(phoneRun.ExitCode, Is.Zero, $"1001's phone rang, answered and hung up\n{phoneRun}\n{softswitch.Output}");

        var rows = await CallTable.WaitForAsync(softswitch, 4);
        var request = rows.Single(row => row["route_target"] == "queue");
        Assert.That((Field(request, "queue"), Field(request, "queue_result")), Is.EqualTo(("support", "callback_requested")));
        var callback = rows.Single(row => row["source_kind"] == "switch");
        Assert.That((callback["source"], callback["caller"], callback["dialled"], callback["callee"]),
            Is.EqualTo(("queue support", "1001", "1002", "1001")), "the switch rang agent 1002, then bridged 1001");
        Assert.That((Field(callback, "callback_for"), Field(callback, "agent"), Field(callback, "queue_result")),
            Is.EqualTo(("1001", "1002", "callback_connected")));
        Assert.That(Field(callback, "callback_call"), Is.EqualTo(request["call_uuid"]));
        // "Callback for" and four digits are about 5 s of audio the agent got before 1001 was dialled (1001 sent no
        // audio to relay, and rang for 200 ms of ringback).
        Assert.That(int.Parse(callback["caller_packets_sent"]!), Is.GreaterThan(200), "the announcement reached the agent");
    }

    private static string? Field(IReadOnlyDictionary<string, string?> row, string name)
    {
        using var fields = JsonDocument.Parse(row["application_fields"] ?? "{}");
        return fields.RootElement.TryGetProperty(name, out var value) ? value.GetString() : null;
    }
}
