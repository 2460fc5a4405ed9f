using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Acd.Model;
using Softswitch.Acd.Routing;
using Softswitch.Channels;
using Softswitch.Configuration.Options;
using Softswitch.Queues;

namespace Softswitch.Tests.Queues;

/// <summary>
/// Virtual hold on a real <see cref="AcdService"/>: the caller's key turns it into a virtual caller, and the callback
/// calls (an originator that runs the agent's application on a scripted channel) connect it, retry it after the pause
/// when it does not answer, and give it up after the attempts.
/// </summary>
public sealed class QueueCallbackTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private FakeTimeProvider _time = null!;
    private AcdService _acd = null!;
    private ScriptedOriginator _originator = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
        _acd = new AcdService(new AcdConfiguration([new QueueDefinition("support") { RingTimeout = TimeSpan.FromSeconds(7) }],
            [new AgentDefinition("1002") { Queues = [new AgentQueueMembership("support")] }]), _time, NullLogger<AcdService>.Instance);
        _acd.Start(["1002"]);
        _acd.Pause("1002", "1");
        _originator = new ScriptedOriginator();
    }

    [TearDown]
    public async Task TearDown() => await _acd.DisposeAsync();

    [Test]
    public async Task The_callback_key_keeps_the_callers_place_thanks_it_and_hangs_up()
    {
        var caller = new ScriptedQueueChannel("call-1", _ => Task.FromResult(new BridgeResult(BridgeOutcome.NoAnswer)));
        caller.Keys.Enqueue('1');

        var outcome = await Application(Callbacks(attempts: 3)).RunQueueAsync(caller).WaitAsync(Wait);

        Assert.That(outcome, Is.EqualTo(Ivr.QueueCallOutcome.CallerHungUp));
        Assert.That(caller.HungUp.IsCancellationRequested, Is.True, "the switch hung up");
        Assert.That(caller.Played, Is.EqualTo(new[] { "queue-callback-offer", "digits/1", "queue-callback-confirm" }));
        Assert.That((caller.Fields["queue"], caller.Fields["queue_result"]), Is.EqualTo(("support", "callback_requested")));
        Assert.That(await _acd.GetCallerAsync("call-1"), Is.Not.Null, "the virtual caller waits in its place");
    }

    [Test]
    public async Task A_callback_the_caller_does_not_answer_frees_the_agent_and_is_retried_after_the_pause_until_it_connects()
    {
        var answers = new ConcurrentQueue<bool>([false, true]);
        _originator.Answer = request =>
        {
            if (!answers.TryDequeue(out var answers1001) || !answers1001) return Task.FromResult(new BridgeResult(BridgeOutcome.NoAnswer));
            request.Answered!("1001");
            return Task.FromResult(new BridgeResult(BridgeOutcome.PartyHungUp, "1001", TimeSpan.FromSeconds(30)));
        };
        await RequestCallbackAsync(Callbacks(attempts: 3));

        _acd.Unpause("1002");
        var first = await _originator.Calls.Reader.ReadAsync().AsTask().WaitAsync(Wait);
        await first.Ended.WaitAsync(Wait);
        await Eventually(async () => (await _acd.GetAgentAsync("1002"))?.State == AgentState.Available, "the agent is free again");
        Assert.That((await _acd.GetAgentAsync("1002"))!.Value.ConsecutiveMisses, Is.Zero, "the caller's no-answer is not the agent's miss");
        Assert.That(_originator.Calls.Reader.TryPeek(out _), Is.False, "no retry before the pause");

        _time.Advance(TimeSpan.FromSeconds(120));
        var second = await _originator.Calls.Reader.ReadAsync().AsTask().WaitAsync(Wait);
        await second.Ended.WaitAsync(Wait);

        Assert.That(first.Request.Destination, Is.EqualTo("1002"));
        Assert.That((first.Request.CallerId, first.Request.Requester, first.Request.RingTime), Is.EqualTo(("1001", "queue support", (TimeSpan?)TimeSpan.FromSeconds(7))));
        Assert.That(first.Agent.Played, Is.EqualTo(new[] { "callback-for", "digits/1", "digits/0", "digits/0", "digits/1" }));
        Assert.That(first.Agent.Bridges.Single().Destination, Is.EqualTo("1001"));
        Assert.That((first.Request.RecordFields!["callback_for"], first.Request.RecordFields["callback_attempt"]), Is.EqualTo(("1001", "1")));
        Assert.That(second.Request.RecordFields!["callback_attempt"], Is.EqualTo("2"));
        Assert.That(first.Agent.Fields["queue_result"], Is.EqualTo("callback_not_answered"));
        Assert.That(second.Agent.Fields["queue_result"], Is.EqualTo("callback_connected"));
        await Eventually(async () => await _acd.GetCallerAsync("call-1") is null, "the caller left the queue connected");
        Assert.That((await _acd.GetAgentAsync("1002"))!.Value.CallsAnswered, Is.EqualTo(1));
    }

    [Test]
    public async Task A_callback_is_given_up_after_its_attempts()
    {
        _originator.Answer = _ => Task.FromResult(new BridgeResult(BridgeOutcome.Busy));
        await RequestCallbackAsync(Callbacks(attempts: 1));

        _acd.Unpause("1002");
        var only = await _originator.Calls.Reader.ReadAsync().AsTask().WaitAsync(Wait);
        await only.Ended.WaitAsync(Wait);

        await Eventually(async () => await _acd.GetCallerAsync("call-1") is null, "the request is given up");
        _time.Advance(TimeSpan.FromSeconds(600));
        Assert.That((await _acd.GetAgentAsync("1002"))?.State, Is.EqualTo(AgentState.Available));
        Assert.That(_originator.Calls.Reader.TryPeek(out _), Is.False);
    }

    private QueueCallbacks Callbacks(int attempts)
    {
        var options = new SoftswitchOptions();
        options.Queues.Add(new QueueOptions { Name = "support", Callback = new QueueCallbackOptions { Enabled = true, Attempts = attempts, RetrySeconds = 120 } });
        return new QueueCallbacks(_acd, () => _originator, new FixedOptions(options), _time, NullLogger<QueueCallbacks>.Instance);
    }

    private QueueApplication Application(QueueCallbacks callbacks) =>
        SilentQueues.Application(_acd, _time, callbacks);

    /// <summary>Caller 1001 enters support (its agent paused) and presses 1.</summary>
    private async Task RequestCallbackAsync(QueueCallbacks callbacks)
    {
        var caller = new ScriptedQueueChannel("call-1", _ => Task.FromResult(new BridgeResult(BridgeOutcome.NoAnswer)));
        caller.Keys.Enqueue('1');
        await Application(callbacks).RunQueueAsync(caller).WaitAsync(Wait);
    }

    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await condition()) return;
            await Task.Delay(25);
        }

        Assert.Fail(what);
    }

    private sealed class FixedOptions(SoftswitchOptions value) : IOptionsMonitor<SoftswitchOptions>
    {
        public SoftswitchOptions CurrentValue => value;

        public SoftswitchOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<SoftswitchOptions, string?> listener) => null;
    }

    /// <summary>One callback call: what was asked, the agent's leg, and the end of its application.</summary>
    private sealed record PlacedCall(OriginateRequest Request, ScriptedQueueChannel Agent, Task Ended);

    /// <summary>Agent 1002 always answers; its application's bridge to the caller gets <see cref="Answer"/>.</summary>
    private sealed class ScriptedOriginator : ICallOriginator
    {
        public System.Threading.Channels.Channel<PlacedCall> Calls { get; } = System.Threading.Channels.Channel.CreateUnbounded<PlacedCall>();

        public Func<BridgeRequest, Task<BridgeResult>> Answer { get; set; } = _ => Task.FromResult(new BridgeResult(BridgeOutcome.NoAnswer));

        public Task<OriginateResult> OriginateAsync(OriginateRequest request, CancellationToken cancellationToken = default)
        {
            var agent = new ScriptedQueueChannel("callback-" + Guid.NewGuid().ToString("N"), bridge => Answer(bridge));
            var ended = request.Application.RunAsync(agent);
            Calls.Writer.TryWrite(new PlacedCall(request, agent, ended));
            return Task.FromResult(new OriginateResult(OriginateOutcome.Answered, agent.CallUuid, request.Destination, ended));
        }
    }
}
