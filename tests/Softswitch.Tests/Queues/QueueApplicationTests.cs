using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Acd.Model;
using Softswitch.Acd.Routing;
using Softswitch.Channels;
using Softswitch.Queues;

namespace Softswitch.Tests.Queues;

/// <summary>
/// The queue application on a scripted channel, driving a real <see cref="AcdService"/>: what the engine hears from
/// the call side (answer, no answer, end of the conversation, abandon) and what lands in the call's row.
/// </summary>
public sealed class QueueApplicationTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private FakeTimeProvider _time = null!;
    private AcdService _acd = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
        var support = new QueueDefinition("support") { RingTimeout = TimeSpan.FromSeconds(7), WrapUp = TimeSpan.FromSeconds(30) };
        _acd = new AcdService(new AcdConfiguration([support],
        [
            new AgentDefinition("1002") { Queues = [new AgentQueueMembership("support")] },
            new AgentDefinition("1003") { Queues = [new AgentQueueMembership("support")] },
        ]), _time, NullLogger<AcdService>.Instance);
    }

    [TearDown]
    public async Task TearDown() => await _acd.DisposeAsync();

    private QueueApplication Application(bool record = false) =>
        new(_acd, "support", new QueueCallSettings("jazz", record), _time, (position, language) => [Prompt.Named("queue-position"), Prompt.Named($"{language}:{position}")], _ => null);

    [Test]
    public async Task An_offer_rings_the_agent_with_the_queue_ring_timeout_music_and_recording_and_the_answer_reaches_the_engine_at_once()
    {
        _acd.Start(["1002", "1003"]);
        var talking = new TaskCompletionSource<AgentStatus?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var conversation = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var channel = new ScriptedQueueChannel("call-1", async request =>
        {
            _time.Advance(TimeSpan.FromSeconds(3)); // it rang three seconds
            request.Answered!(request.Destination);
            talking.TrySetResult(await _acd.GetAgentAsync(request.Destination));
            await conversation.Task;
            return new BridgeResult(BridgeOutcome.PartyHungUp, request.Destination, TimeSpan.FromSeconds(60));
        });

        var run = Application(record: true).RunAsync(channel);

        Assert.That((await talking.Task.WaitAsync(Wait))?.State, Is.EqualTo(AgentState.Talking), "answered while the bridge still runs");
        conversation.SetResult();
        await run.WaitAsync(Wait);
        var bridge = channel.Bridges.Single();
        Assert.That((bridge.Destination, bridge.RingTime, bridge.MusicWhileRinging, bridge.Record), Is.EqualTo(("1002", (TimeSpan?)TimeSpan.FromSeconds(7), "jazz", true)));
        Assert.That(channel.Music.First(), Is.EqualTo("jazz"), "music from the first second");
        Assert.That((await _acd.GetAgentAsync("1002"))?.State, Is.EqualTo(AgentState.WrapUp));
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.That((await _acd.GetAgentAsync("1002"))?.State, Is.EqualTo(AgentState.Available), "the wrap-up ends on the service's timer");
        Assert.That(channel.Fields, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["queue"] = "support", ["agent"] = "1002", ["queue_result"] = "answered", ["wait_seconds"] = "3", ["talk_seconds"] = "60",
        }));
    }

    [Test]
    public async Task An_agent_who_does_not_answer_passes_the_caller_to_the_next_agent()
    {
        _acd.Start(["1002", "1003"]);
        var channel = new ScriptedQueueChannel("call-2", request =>
        {
            if (request.Destination == "1002") return Task.FromResult(new BridgeResult(BridgeOutcome.NoAnswer));
            request.Answered!(request.Destination);
            return Task.FromResult(new BridgeResult(BridgeOutcome.CallerHungUp, request.Destination, TimeSpan.FromSeconds(5)));
        });

        await Application().RunAsync(channel).WaitAsync(Wait);

        Assert.That(channel.Bridges.Select(b => b.Destination), Is.EqualTo(new[] { "1002", "1003" }));
        Assert.That((await _acd.GetAgentAsync("1002"))?.ConsecutiveMisses, Is.EqualTo(1));
        Assert.That(channel.Fields["agent"], Is.EqualTo("1003"));
        Assert.That(channel.Music, Has.Count.EqualTo(2), "the music comes back after the failed offer");
        Assert.That(channel.Played, Is.Empty, "an agent was free: no position to announce");
    }

    [Test]
    public async Task A_caller_who_hangs_up_while_waiting_leaves_the_queue_as_abandoned()
    {
        _acd.Start([]); // nobody logged in: the caller waits
        var channel = new ScriptedQueueChannel("call-3", _ => throw new AssertionException("no agent to offer"));
        var run = Application().RunAsync(channel);
        await WaitUntilAsync(() => channel.Music.Count == 2, "the caller waits with its music after the announcement");

        _time.Advance(TimeSpan.FromSeconds(12));
        channel.HangUpNow();
        await run.WaitAsync(Wait);

        Assert.That(await _acd.GetCallerAsync("call-3"), Is.Null, "no longer in the queue");
        Assert.That((channel.Fields["queue_result"], channel.Fields["wait_seconds"]), Is.EqualTo(("abandoned", "12")));
        Assert.That(channel.Bridges, Is.Empty);
        Assert.That(channel.Played, Is.EqualTo(new[] { "queue-position", "en:1" }), "told its position once");
        Assert.That(channel.Music, Is.EqualTo(new[] { "jazz", "jazz" }), "the music comes back after the announcement");
    }

    [Test]
    public async Task A_queue_that_refuses_callers_when_empty_sends_the_caller_away_without_waiting()
    {
        await _acd.DisposeAsync();
        _acd = new AcdService(new AcdConfiguration([new QueueDefinition("support") { JoinWhenEmpty = false }], []), _time,
            NullLogger<AcdService>.Instance);
        _acd.Start([]);
        var channel = new ScriptedQueueChannel("call-4", _ => throw new AssertionException("no agent to offer"));

        await Application().RunAsync(channel).WaitAsync(Wait);

        Assert.That(channel.Fields["queue_result"], Is.EqualTo("queue_empty"));
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("never: " + what);
            await Task.Delay(10);
        }
    }
}
