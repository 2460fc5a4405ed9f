using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Acd.Model;
using Softswitch.Acd.Routing;
using Softswitch.Channels;
using Softswitch.Ivr.Speech;
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
    private string _sounds = null!;

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
        _sounds = Directory.CreateTempSubdirectory("queue-sounds-").FullName;
        Directory.CreateDirectory(Path.Combine(_sounds, "en"));
        foreach (var prompt in new[] { QueuePrompts.Position, QueuePrompts.EstimatedWait, QueuePrompts.Minute, QueuePrompts.Minutes, QueuePrompts.NoAgents, QueuePrompts.Full, "queue-periodic" })
        {
            File.WriteAllBytes(Path.Combine(_sounds, "en", prompt + ".wav"), []);
        }
    }

    [TearDown]
    public async Task TearDown()
    {
        await _acd.DisposeAsync();
        Directory.Delete(_sounds, recursive: true);
    }

    private QueueApplication Application(bool record = false, QueueAnnouncements? announcements = null, string? overflow = null,
        Func<string, ICallApplication?>? overflowTo = null) =>
        new(_acd, "support", new QueueCallSettings("jazz", record) { Announcements = announcements ?? new(), Overflow = overflow }, _time,
            new QueuePrompts(_sounds, new SpokenNumbers()), overflowTo ?? (_ => null));

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
        Assert.That(channel.Music, Has.Count.EqualTo(1), "the music never stopped for the offers");
        Assert.That(channel.Bridges.Select(b => b.KeepApplicationAudio), Is.All.True, "the caller hears the queue while an agent rings");
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
        Assert.That(channel.Played, Is.EqualTo(new[] { "queue-position", "numbers/1" }), "told its position once");
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
        Assert.That(channel.Played, Is.EqualTo(new[] { QueuePrompts.NoAgents }), "told why before the call ends");
    }

    [Test]
    public async Task The_estimated_wait_comes_from_the_queues_live_figures_and_is_said_in_whole_minutes()
    {
        _acd.Start(["1002"]); // one agent serving
        var conversation = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = new ScriptedQueueChannel("call-a", async request =>
        {
            request.Answered!(request.Destination);
            await conversation.Task;
            return new BridgeResult(BridgeOutcome.PartyHungUp, request.Destination, TimeSpan.FromSeconds(240));
        });
        var talking = Application().RunAsync(first);
        await WaitUntilAsync(() => first.Fields.ContainsKey("agent"), "1002 answered the first caller");

        // No call has ended yet: the queue has no handle time, so the second caller hears only its position.
        var early = new ScriptedQueueChannel("call-b", _ => throw new AssertionException("1002 is busy"));
        var earlyRun = Application().RunAsync(early);
        await WaitUntilAsync(() => early.Music.Count == 2, "the early caller's announcement");
        early.HangUpNow();
        await earlyRun.WaitAsync(Wait);

        // 240 s of talk and 30 s of wrap-up: one serving agent, so the next caller's wait is 270 s, said as 5 minutes.
        _time.Advance(TimeSpan.FromSeconds(240));
        conversation.SetResult();
        await talking.WaitAsync(Wait);
        var late = new ScriptedQueueChannel("call-c", _ => throw new AssertionException("1002 is in wrap-up"));
        var lateRun = Application().RunAsync(late);
        await WaitUntilAsync(() => late.Music.Count == 2, "the later caller's announcement");
        late.HangUpNow();
        await lateRun.WaitAsync(Wait);

        Assert.That(early.Played, Is.EqualTo(new[] { "queue-position", "numbers/1" }));
        Assert.That(late.Played, Is.EqualTo(new[] { "queue-position", "numbers/1", "queue-estimated-wait", "numbers/5", "queue-minutes" }));
    }

    [Test]
    public async Task After_the_delay_the_position_repeats_on_its_interval_and_the_periodic_message_on_its_own()
    {
        _acd.Start([]); // nobody to answer: the caller waits
        var channel = new ScriptedQueueChannel("call-5", _ => throw new AssertionException("no agent to offer"));
        var announcements = new QueueAnnouncements
        {
            Delay = TimeSpan.FromSeconds(10), Every = TimeSpan.FromSeconds(30),
            PeriodicMessage = "queue-periodic", PeriodicEvery = TimeSpan.FromSeconds(20),
        };
        var run = Application(announcements: announcements).RunAsync(channel);

        _time.Advance(TimeSpan.FromSeconds(9));
        await Task.Delay(100);
        Assert.That(channel.Played, Is.Empty, "only music before the delay");
        _time.Advance(TimeSpan.FromSeconds(1)); // 10 s: position
        await WaitUntilAsync(() => channel.Played.Count == 2, "the first announcement at 10 s");
        _time.Advance(TimeSpan.FromSeconds(20)); // 30 s: the periodic message
        await WaitUntilAsync(() => channel.Played.Count == 3, "the periodic message at 30 s");
        _time.Advance(TimeSpan.FromSeconds(10)); // 40 s: position again
        await WaitUntilAsync(() => channel.Played.Count == 5, "the position again at 40 s");
        channel.HangUpNow();
        await run.WaitAsync(Wait);

        Assert.That(channel.Played, Is.EqualTo(new[] { "queue-position", "numbers/1", "queue-periodic", "queue-position", "numbers/1" }));
        Assert.That(channel.Music, Has.Count.EqualTo(4), "the music back after each announcement");
    }

    [Test]
    public async Task An_agent_freed_during_an_announcement_rings_at_once_and_the_answer_cuts_the_announcement()
    {
        _acd.Start([]);
        var cut = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var announcing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ringing = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var channel = new ScriptedQueueChannel("call-6", async request =>
        {
            ringing.TrySetResult(cut.Task.IsCompleted);
            request.Answered!(request.Destination);
            await cut.Task.WaitAsync(Wait);
            return new BridgeResult(BridgeOutcome.CallerHungUp, request.Destination, TimeSpan.FromSeconds(1));
        })
        {
            // The announcement lasts until its token is cancelled.
            Playing = async token =>
            {
                announcing.TrySetResult();
                using var registration = token.Register(() => cut.TrySetResult());
                await Task.Delay(Timeout.Infinite, token);
            },
        };
        var run = Application().RunAsync(channel);
        await announcing.Task.WaitAsync(Wait);

        _acd.LogIn("1002");

        Assert.That(await ringing.Task.WaitAsync(Wait), Is.False, "1002 rang while the announcement was still playing");
        await cut.Task.WaitAsync(Wait); // the answer stopped it
        await run.WaitAsync(Wait);
        Assert.That(channel.Fields["queue_result"], Is.EqualTo("answered"));
    }

    [Test]
    public async Task A_caller_who_waited_the_maximum_goes_to_the_overflow_and_the_row_says_why_and_where()
    {
        await _acd.DisposeAsync();
        _acd = new AcdService(new AcdConfiguration([new QueueDefinition("support") { MaxWait = TimeSpan.FromSeconds(30), OverflowDestination = "flow:after-hours" }], []),
            _time, NullLogger<AcdService>.Instance);
        _acd.Start([]);
        var ran = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var channel = new ScriptedQueueChannel("call-7", _ => throw new AssertionException("no agent"));
        var run = Application(overflowTo: destination => new Elsewhere(destination, ran)).RunAsync(channel);
        await WaitUntilAsync(() => channel.Music.Count == 2, "waiting");

        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.That(await ran.Task.WaitAsync(Wait), Is.EqualTo("flow:after-hours"));
        await run.WaitAsync(Wait);
        Assert.That(channel.Fields, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["queue"] = "support", ["queue_result"] = "max_wait", ["wait_seconds"] = "30", ["overflow_from"] = "support", ["overflow_reason"] = "max_wait",
            ["overflow_to"] = "flow:after-hours",
        }));
    }

    [Test]
    public async Task A_full_queue_with_nowhere_to_send_the_caller_says_so_and_the_call_ends()
    {
        await _acd.DisposeAsync();
        _acd = new AcdService(new AcdConfiguration([new QueueDefinition("support") { MaxLength = 1 }], []), _time, NullLogger<AcdService>.Instance);
        _acd.Start([]);
        var waiting = new ScriptedQueueChannel("call-8", _ => throw new AssertionException("no agent"));
        var first = Application().RunAsync(waiting);
        await WaitUntilAsync(() => waiting.Music.Count == 2, "the first caller waits");
        var refused = new ScriptedQueueChannel("call-9", _ => throw new AssertionException("no agent"));

        await Application().RunAsync(refused).WaitAsync(Wait);

        Assert.That(refused.Fields["queue_result"], Is.EqualTo("queue_full"));
        Assert.That(refused.Played, Is.EqualTo(new[] { QueuePrompts.Full }));
        waiting.HangUpNow();
        await first.WaitAsync(Wait);
    }

    /// <summary>An overflow destination: notes that the caller reached it.</summary>
    private sealed class Elsewhere(string destination, TaskCompletionSource<string> ran) : ICallApplication
    {
        public string Name => destination;

        public Task RunAsync(ICallChannel channel)
        {
            ran.TrySetResult(destination);
            return Task.CompletedTask;
        }
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
