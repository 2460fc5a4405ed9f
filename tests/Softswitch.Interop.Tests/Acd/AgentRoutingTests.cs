using System.Text.Json;
using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Acd;

/// <summary>
/// Which agent the real switch offers a queue caller to, with sipp UAS phones registered as the agents 1002, 1003 and
/// 1004 and 1001 calling the queue route 610: other calls, registrations (also after a restart), ring-all, misses,
/// wrap-up, skills and their relaxation, pauses and their persistence. The INVITEs the phones got and the rows of
/// <c>calls</c> and <c>agent_states</c> say what happened.
/// </summary>
[TestFixture]
public sealed class AgentRoutingTests
{
    private const string Password1004 = "interop-1004-secret";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(25);

    private SoftswitchProcess? _softswitch;

    [TearDown]
    public async Task StopSwitch()
    {
        if (_softswitch is not null) await _softswitch.DisposeAsync();
    }

    /// <summary>The switch with queue support (agents as given: <c>--agents:N:...</c>) and route 610 to it.</summary>
    private async Task<SoftswitchProcess> StartAsync(params string[] more)
    {
        _softswitch = await SoftswitchProcess.StartAsync(null,
        [
            .. SoftswitchProcess.Extension1003,
            "--extensions:3:number=1004", $"--extensions:3:password={Password1004}",
            "--queues:0:name=support",
            "--routes:0:match=610", "--routes:0:queue=support",
            "--limits:max_calls_per_extension=0",
            .. more,
        ]);
        return _softswitch;
    }

    private static string[] Agent(int index, string extension, params string[] more) =>
        [$"--agents:{index}:extension={extension}", $"--agents:{index}:queues:0:name=support", .. more.Select(m => $"--agents:{index}:{m}")];

    private static string PasswordOf(string agent) => agent switch
    {
        "1002" => SoftswitchProcess.Password1002,
        "1003" => SoftswitchProcess.Password1003,
        _ => Password1004,
    };

    /// <summary>A phone for <paramref name="agent"/> that answers each of <paramref name="calls"/> INVITEs and waits for the BYE.</summary>
    private static Task<SippCallee> Answering(SoftswitchProcess softswitch, string agent, int calls = 1) =>
        SippCallee.StartAsync(softswitch, agent, PasswordOf(agent), "callee-answer.xml", Limit, ["-m", calls.ToString()], ("ANSWER_MS", "200"));

    /// <summary>A phone for <paramref name="agent"/> that lets each of <paramref name="calls"/> INVITEs ring until cancelled.</summary>
    private static Task<SippCallee> Ringing(SoftswitchProcess softswitch, string agent, int calls = 1) =>
        SippCallee.StartAsync(softswitch, agent, PasswordOf(agent), "callee-ring-until-cancel.xml", Limit, ["-m", calls.ToString()]);

    /// <summary>1001 calls <paramref name="number"/> and stays <paramref name="stayMs"/> after it was answered, then hangs up.</summary>
    private static Task<ToolResult> Call(SoftswitchProcess softswitch, int stayMs, string number = "610", string from = "1001") =>
        SippCaller.CallAsync(softswitch, "call-pause-bye.xml", from, number, Limit, null, "-m", "1", "-d", stayMs.ToString());

    private static async Task FeatureCode(SoftswitchProcess softswitch, string agent, string code)
    {
        var run = await Call(softswitch, 300, code, agent);
        Assert.That(run.ExitCode, Is.Zero, $"{agent} dialled {code}\n{run}\n{softswitch.Output}");
    }

    private static (string? Agent, string? Result, int Wait) QueueFields(IReadOnlyDictionary<string, string?> row)
    {
        using var fields = JsonDocument.Parse(row["application_fields"] ?? "{}");
        string? Field(string name) => fields.RootElement.TryGetProperty(name, out var value) ? value.GetString() : null;
        return (Field("agent"), Field("queue_result"), int.Parse(Field("wait_seconds") ?? "-1"));
    }

    private static async Task<List<IReadOnlyDictionary<string, string?>>> QueueRows(SoftswitchProcess softswitch, int count) =>
        [.. (await CallTable.WaitForAsync(softswitch, count)).Where(row => row["route_target"] == "queue")];

    /// <summary>The rows of <c>agent_states</c> as "agent state reason", once <paramref name="expected"/> of them are there.</summary>
    private static async Task<IReadOnlyList<string>> AgentStates(SoftswitchProcess softswitch, int expected)
    {
        IReadOnlyList<string> rows = [];
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        do
        {
            try
            {
                rows = await SwitchDatabase.QueryAsync(softswitch.DatabasePath, "SELECT agent, state, pause_reason FROM agent_states ORDER BY agent",
                    reader => $"{reader.GetString(0)} {reader.GetString(1)} {(reader.IsDBNull(2) ? "-" : reader.GetString(2))}");
            }
            catch (Microsoft.Data.Sqlite.SqliteException)
            {
                // Not migrated yet or briefly locked.
            }

            if (rows.Count >= expected) return rows;
            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);

        return rows;
    }

    private static void AssertPassed(SoftswitchProcess softswitch, ToolResult caller, params (string What, ToolResult Run)[] phones)
    {
        var log = string.Join("\n", phones.Select(p => $"{p.What}: {p.Run}")) + $"\ncaller: {caller}\n{softswitch.Output}";
        Assert.That(caller.ExitCode, Is.Zero, log);
        foreach (var (what, run) in phones) Assert.That(run.ExitCode, Is.Zero, what + "\n" + log);
    }

    [Test]
    public async Task An_agent_on_a_direct_call_is_skipped_and_offered_again_once_it_hangs_up()
    {
        var softswitch = await StartAsync([.. Agent(0, "1002"), .. Agent(1, "1003"), "--queues:0:wrap_up_seconds=30"]);
        var agent1002 = await Answering(softswitch, "1002", calls: 2);
        var agent1003 = await Answering(softswitch, "1003");

        // 1002 (first in order, idle as long as 1003) talks to 1001 directly for 3 s; meanwhile a caller enters the queue.
        var direct = Call(softswitch, 3000, "1002");
        await Task.Delay(1000);
        var whileBusy = await Call(softswitch, 2500);
        AssertPassed(softswitch, whileBusy, ("1003 answered while 1002 was on its direct call", await agent1003.Run));
        var directCall = await direct;
        Assert.That(directCall.ExitCode, Is.Zero, $"the direct call\n{directCall}\n{softswitch.Output}");

        // 1002 hung up; 1003 is in its wrap-up: the next caller gets 1002.
        var afterwards = await Call(softswitch, 2500);
        AssertPassed(softswitch, afterwards, ("1002 took the direct call and then the queue call", await agent1002.Run));

        var rows = await QueueRows(softswitch, 3);
        Assert.That(rows.Select(row => QueueFields(row).Agent), Is.EqualTo(new[] { "1003", "1002" }));
        Assert.That(QueueFields(rows[0]).Wait, Is.LessThan(2), "1003 was offered at once, 1002 never rang for it");
    }

    [Test]
    public async Task An_agent_without_a_registered_phone_is_skipped_also_after_a_restart()
    {
        // 1003 comes first in order but never registers; one unanswered offer would pause it ("missed").
        var softswitch = await StartAsync([.. Agent(0, "1003"), .. Agent(1, "1002"), "--acd:misses_before_pause=1"]);
        // The phone outlives the restart (which takes a while on a busy machine): its binding is the one restored.
        var agent1002 = await SippCallee.StartAsync(softswitch, "1002", PasswordOf("1002"), "callee-answer.xml", TimeSpan.FromSeconds(90),
            ["-m", "2"], ("ANSWER_MS", "200"));

        var before = await Call(softswitch, 2500);
        AssertPassed(softswitch, before);

        // 1002's binding comes back from the database; 1003 still has none and must not count as registered.
        await softswitch.RestartAsync();
        var after = await Call(softswitch, 2500);
        AssertPassed(softswitch, after, ("1002 answered both calls", await agent1002.Run));

        var rows = await QueueRows(softswitch, 2);
        Assert.That(rows.Select(row => QueueFields(row).Agent), Is.EqualTo(new[] { "1002", "1002" }));
        Assert.That(rows.Select(row => QueueFields(row).Wait), Is.All.LessThan(2), "no offer went to 1003 first");
        Assert.That(await AgentStates(softswitch, 0), Is.Empty, "1003 was never offered, so never paused for missing");
    }

    [Test]
    public async Task Ring_all_rings_every_available_agent_and_cancels_the_others_when_one_answers()
    {
        var softswitch = await StartAsync([.. Agent(0, "1002"), .. Agent(1, "1003"), "--queues:0:strategy=ring_all", "--queues:0:ring_timeout_seconds=10"]);
        var agent1002 = await Ringing(softswitch, "1002");
        var agent1003 = await SippCallee.StartAsync(softswitch, "1003", PasswordOf("1003"), "callee-answer.xml", Limit, ("ANSWER_MS", "1500"));

        var caller = await Call(softswitch, 4000);

        // 1002 got the INVITE at the same time (it rang while 1003 waited 1.5 s to answer) and then the CANCEL.
        AssertPassed(softswitch, caller, ("1002 rang and was cancelled", await agent1002.Run), ("1003 answered", await agent1003.Run));
        var row = (await QueueRows(softswitch, 1)).Single();
        Assert.That((QueueFields(row).Agent, QueueFields(row).Result, row["callee"]), Is.EqualTo(("1003", "answered", "1003")));
        Assert.That(QueueFields(row).Wait, Is.LessThan(4), "both rang at once: no ring timeout passed before 1003");
    }

    [Test]
    public async Task An_agent_who_lets_two_offers_ring_out_is_paused_as_missed_until_it_dials_star_53()
    {
        var softswitch = await StartAsync([.. Agent(0, "1002"), .. Agent(1, "1003"), "--acd:misses_before_pause=2",
            "--acd:rest_after_miss_seconds=1", "--queues:0:ring_timeout_seconds=2"]);
        var agent1002 = await Ringing(softswitch, "1002", calls: 2);
        var agent1003 = await Answering(softswitch, "1003", calls: 3);

        // 1002 has never taken a call, so it is offered first each time, rings out (then rests 1 s), and 1003 takes the caller.
        for (var i = 0; i < 2; i++)
        {
            var caller = await Call(softswitch, 4500);
            Assert.That(caller.ExitCode, Is.Zero, $"caller {i + 1}\n{caller}\n{softswitch.Output}");
        }

        var rang = await agent1002.Run;
        Assert.That(rang.ExitCode, Is.Zero, $"1002 rang out twice\n{rang}\n{softswitch.Output}");
        Assert.That(await AgentStates(softswitch, 1), Is.EqualTo(new[] { "1002 paused missed" }));

        // Paused: the third caller goes straight to 1003.
        var third = await Call(softswitch, 2500);
        AssertPassed(softswitch, third, ("1003 answered three calls", await agent1003.Run));

        // Unpaused, and 1003 logged out (its phone is gone): the fourth caller gets 1002.
        await FeatureCode(softswitch, "1002", "*53");
        await FeatureCode(softswitch, "1003", "*51");
        var again = await Answering(softswitch, "1002");
        var fourth = await Call(softswitch, 2500);
        AssertPassed(softswitch, fourth, ("1002 answered once unpaused", await again.Run));

        var rows = await QueueRows(softswitch, 6);
        Assert.That(rows.Select(row => QueueFields(row).Agent), Is.EqualTo(new[] { "1003", "1003", "1003", "1002" }));
        Assert.That(QueueFields(rows[0]).Wait, Is.GreaterThanOrEqualTo(2), "1002 rang for its ring timeout first");
        Assert.That(QueueFields(rows[2]).Wait, Is.LessThan(2), "the paused 1002 was not rung");
        Assert.That(await AgentStates(softswitch, 2), Is.EqualTo(new[] { "1002 logged_in -", "1003 logged_out -" }));
    }

    [Test]
    public async Task A_second_caller_is_not_offered_to_an_agent_in_its_wrap_up()
    {
        var softswitch = await StartAsync([.. Agent(0, "1002"), "--queues:0:wrap_up_seconds=3"]);
        var agent1002 = await Answering(softswitch, "1002", calls: 2);

        var first = await Call(softswitch, 2500);
        var second = await Call(softswitch, 6500);

        AssertPassed(softswitch, second, ("1002 took both callers", await agent1002.Run));
        Assert.That(first.ExitCode, Is.Zero, first.ToString());
        var rows = await QueueRows(softswitch, 2);
        Assert.That(rows.Select(row => QueueFields(row).Agent), Is.EqualTo(new[] { "1002", "1002" }));
        Assert.That(QueueFields(rows[1]).Wait, Is.InRange(2, 5), "the second caller waited out 1002's 3 s wrap-up");
    }

    [Test]
    public async Task Skills_pick_the_qualified_agent_and_relax_to_any_agent_after_the_configured_wait()
    {
        var softswitch = await StartAsync([
            .. Agent(0, "1002", "skills:0:name=en", "skills:0:level=30"),
            .. Agent(1, "1003", "skills:0:name=en", "skills:0:level=80"),
            "--queues:0:skills:0:name=en", "--queues:0:skills:0:level=60",
            "--queues:0:relaxation:0:after_seconds=2", "--queues:0:relaxation:0:any_agent=true",
            "--queues:0:wrap_up_seconds=30",
        ]);
        var agent1002 = await Answering(softswitch, "1002");
        var agent1003 = await Answering(softswitch, "1003");

        // 1002 comes first in order but its English is below the queue's 60: 1003 is offered.
        var first = await Call(softswitch, 2500);
        AssertPassed(softswitch, first, ("1003 answered the first caller", await agent1003.Run));

        // 1003 is in wrap-up: the second caller waits until the 2 s relaxation lets 1002 take it.
        var second = await Call(softswitch, 5500);
        AssertPassed(softswitch, second, ("1002 answered after the relaxation", await agent1002.Run));

        var rows = await QueueRows(softswitch, 2);
        Assert.That(rows.Select(row => QueueFields(row).Agent), Is.EqualTo(new[] { "1003", "1002" }));
        Assert.That(QueueFields(rows[0]).Wait, Is.LessThan(2));
        Assert.That(QueueFields(rows[1]).Wait, Is.InRange(2, 4), "offered to 1002 only once the relaxation came due");
    }

    [Test, Description("*52 + reason digits pauses, *51 logs out; both are kept across a restart; *53 unpauses")]
    public async Task Pauses_with_a_reason_and_logouts_survive_a_restart()
    {
        var softswitch = await StartAsync([.. Agent(0, "1002"), .. Agent(1, "1003"), .. Agent(2, "1004"), "--queues:0:wrap_up_seconds=30"]);
        await FeatureCode(softswitch, "1002", "*5212");
        await FeatureCode(softswitch, "1003", "*51");
        Assert.That(await AgentStates(softswitch, 2), Is.EqualTo(new[] { "1002 paused 12", "1003 logged_out -" }));

        await softswitch.RestartAsync();
        var agent1002 = await Answering(softswitch, "1002");
        var agent1003 = await Answering(softswitch, "1003");
        var agent1004 = await Answering(softswitch, "1004");
        var whilePaused = await Call(softswitch, 2500);
        AssertPassed(softswitch, whilePaused, ("1004 answered: 1002 still paused, 1003 still logged out", await agent1004.Run));
        Assert.That(agent1002.Run.IsCompleted || agent1003.Run.IsCompleted, Is.False, "neither 1002 nor 1003 got an INVITE");

        // 1004 is in its wrap-up: once 1002 unpauses, the next caller gets 1002.
        await FeatureCode(softswitch, "1002", "*53");
        var unpaused = await Call(softswitch, 2500);
        AssertPassed(softswitch, unpaused, ("1002 answered once unpaused", await agent1002.Run));
        Assert.That(agent1003.Run.IsCompleted, Is.False, "1003 is still logged out");

        var rows = await QueueRows(softswitch, 5);
        Assert.That(rows.Select(row => QueueFields(row).Agent), Is.EqualTo(new[] { "1004", "1002" }));
        Assert.That(await AgentStates(softswitch, 2), Is.EqualTo(new[] { "1002 logged_in -", "1003 logged_out -" }));
    }
}
