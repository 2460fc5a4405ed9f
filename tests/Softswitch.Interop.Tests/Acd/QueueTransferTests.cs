using System.Text.Json;
using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Acd;

/// <summary>
/// Issue 11 (events: transfer) and issue 9 ("an agent must be able to hand a caller on to technical staff"): the agent
/// who took a queue call transfers the caller blind (REFER) to 1003. The caller talks to 1003; the agent's part ends at
/// the transfer (its wrap-up starts, it is no longer talking), and the log and the row say where the caller went.
/// </summary>
[TestFixture]
public sealed class QueueTransferTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    [Test]
    public async Task An_agent_hands_a_queue_caller_on_by_refer_and_the_transfer_is_logged_with_the_agents_part_ended()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync(null,
        [
            .. SoftswitchProcess.Extension1003,
            "--queues:0:name=support", "--queues:0:ring_timeout_seconds=5",
            "--agents:0:extension=1002", "--agents:0:queues:0:name=support",
            "--routes:0:match=610", "--routes:0:queue=support",
        ]);
        var agent = await SippCallee.StartAsync(softswitch, "1002", SoftswitchProcess.Password1002, "callee-transfer.xml", Limit,
            ("ANSWER_MS", "300"), ("TARGET", "1003"));
        var staff = await SippCallee.StartAsync(softswitch, "1003", SoftswitchProcess.Password1003, "callee-answer.xml", Limit, ("ANSWER_MS", "300"));

        var caller = await SippCaller.CallAsync(softswitch, "call-pause-bye.xml", "1001", "610", Limit, null, "-m", "1", "-d", "5000");
        var (referred, answered) = (await agent.Run, await staff.Run);

        var log = $"caller: {caller}\n1002: {referred}\n1003: {answered}\n{softswitch.Output}";
        Assert.That(caller.ExitCode, Is.Zero, "the caller stayed up through the transfer\n" + log);
        Assert.That(referred.ExitCode, Is.Zero, "the agent got 202, both NOTIFYs and the switch's BYE\n" + log);
        Assert.That(answered.ExitCode, Is.Zero, "1003 answered and got the BYE when the caller hung up\n" + log);
        var row = (await CallTable.WaitForAsync(softswitch)).Single();
        using var fields = JsonDocument.Parse(row["application_fields"] ?? "{}");
        string? Field(string name) => fields.RootElement.TryGetProperty(name, out var value) ? value.GetString() : null;
        Assert.That((Field("queue"), Field("agent"), Field("transferred_to"), row["callee"]), Is.EqualTo(("support", "1002", "1003", "1003")), log);
        var kinds = await SwitchDatabase.QueryAsync(softswitch.DatabasePath,
            "SELECT kind, agent, detail FROM queue_events WHERE call_id IS NOT NULL ORDER BY id",
            r => (Kind: r.GetString(0), Agent: r.IsDBNull(1) ? null : r.GetString(1), Detail: r.IsDBNull(2) ? null : r.GetString(2)));
        Assert.That(kinds.Select(k => k.Kind), Is.EqualTo(new[] { "enter", "offer", "connect", "transfer", "complete_by_agent" }), log);
        Assert.That(kinds.Single(k => k.Kind == "transfer"), Is.EqualTo(("transfer", (string?)"1002", (string?)"1003")));
    }
}
