using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Acd.Events;
using Softswitch.Acd.Model;
using Softswitch.Channels;
using Softswitch.Queues;

namespace Softswitch.Tests.Queues;

/// <summary>
/// The queue event log as the ACD loop writes it, with the queue application on a scripted channel and a fake clock:
/// each step of a caller, who hung up, the waits and talk time, and the agents' state changes.
/// </summary>
public sealed class AcdServiceEventsTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private FakeTimeProvider _time = null!;
    private RecordedQueueEvents _log = null!;
    private AcdService _acd = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
        _log = new RecordedQueueEvents();
        var support = new QueueDefinition("support") { RingTimeout = TimeSpan.FromSeconds(7), WrapUp = TimeSpan.FromSeconds(30) };
        _acd = new AcdService(new AcdConfiguration([support],
        [
            new AgentDefinition("1002") { Queues = [new AgentQueueMembership("support")] },
            new AgentDefinition("1003") { Queues = [new AgentQueueMembership("support")] },
        ]), _time, NullLogger<AcdService>.Instance, _log);
    }

    [TearDown]
    public async Task TearDown() => await _acd.DisposeAsync();

    private QueueApplication Application() =>
        SilentQueues.Application(_acd, _time);

    [Test]
    public async Task An_answered_call_logs_enter_offer_no_answer_connect_and_complete_by_caller_with_wait_and_talk()
    {
        _acd.Start(["1002", "1003"]);
        var channel = new ScriptedQueueChannel("call-1", request =>
        {
            _time.Advance(TimeSpan.FromSeconds(2));
            if (request.Destination == "1002") return Task.FromResult(new BridgeResult(BridgeOutcome.NoAnswer));
            request.Answered!(request.Destination);
            _time.Advance(TimeSpan.FromSeconds(40));
            return Task.FromResult(new BridgeResult(BridgeOutcome.CallerHungUp, request.Destination, TimeSpan.FromSeconds(40)));
        });

        await Application().RunAsync(channel).WaitAsync(Wait);
        await _acd.GetAgentAsync("1003"); // the loop has handled everything posted before

        Assert.That(_log.Of("call-1"), Is.EqualTo(new (QueueEventKind, string?)[]
        {
            (QueueEventKind.Enter, null), (QueueEventKind.Offer, "1002"), (QueueEventKind.RingNoAnswer, "1002"),
            (QueueEventKind.Offer, "1003"), (QueueEventKind.Connect, "1003"), (QueueEventKind.CompleteByCaller, "1003"),
        }));
        var events = _log.Events.Where(e => e.CallId == "call-1").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(events.All(e => e.Queue == "support" && e.CallerNumber == "1001"), "every step names the queue and the caller's number");
            Assert.That(events.Single(e => e.Kind == QueueEventKind.Connect).Wait, Is.EqualTo(TimeSpan.FromSeconds(4)), "two offers of 2 s each");
            Assert.That(events.Single(e => e.Kind == QueueEventKind.CompleteByCaller).Talk, Is.EqualTo(TimeSpan.FromSeconds(40)));
        });
    }

    [Test]
    public async Task An_agent_who_hangs_up_completes_the_call_and_its_wrap_up_is_logged_with_the_queue()
    {
        _acd.Start(["1002"]);
        var channel = new ScriptedQueueChannel("call-2", request =>
        {
            request.Answered!(request.Destination);
            return Task.FromResult(new BridgeResult(BridgeOutcome.PartyHungUp, request.Destination, TimeSpan.FromSeconds(9)));
        });

        await Application().RunAsync(channel).WaitAsync(Wait);
        await _acd.GetAgentAsync("1002");
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.That((await _acd.GetAgentAsync("1002"))?.State, Is.EqualTo(AgentState.Available));

        var agentEvents = _log.Events.Where(e => e.Agent == "1002" && e.CallId is null).Select(e => (e.Kind, e.Queue)).ToList();
        Assert.That(_log.Of("call-2").Last().Kind, Is.EqualTo(QueueEventKind.CompleteByAgent));
        Assert.That(agentEvents, Is.EqualTo(new (QueueEventKind, string?)[]
        {
            (QueueEventKind.Login, null), (QueueEventKind.WrapUpStart, "support"), (QueueEventKind.WrapUpEnd, "support"),
        }));
        var wrap = _log.Events.Where(e => e.Kind is QueueEventKind.WrapUpStart or QueueEventKind.WrapUpEnd).Select(e => e.At).ToList();
        Assert.That(wrap[1] - wrap[0], Is.EqualTo(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public async Task A_caller_who_hangs_up_while_waiting_is_logged_as_abandoned_with_its_position_and_wait()
    {
        _acd.Start([]); // nobody logged in: the caller waits
        var channel = new ScriptedQueueChannel("call-3", _ => throw new AssertionException("no agent to offer"));
        var run = Application().RunAsync(channel);
        while (await _acd.GetCallerAsync("call-3") is null) await Task.Delay(5);

        _time.Advance(TimeSpan.FromSeconds(12));
        channel.HangUpNow();
        await run.WaitAsync(Wait);
        await _acd.GetCallerAsync("call-3");

        var events = _log.Events.Where(e => e.CallId == "call-3").ToList();
        Assert.That(events.Select(e => e.Kind), Is.EqualTo(new[] { QueueEventKind.Enter, QueueEventKind.Abandon }));
        Assert.Multiple(() =>
        {
            Assert.That(events[0].Position, Is.EqualTo(1));
            Assert.That(events[1].Position, Is.EqualTo(1));
            Assert.That(events[1].Wait, Is.EqualTo(TimeSpan.FromSeconds(12)));
        });
    }

    [Test]
    public async Task Login_pause_with_its_reason_unpause_and_logout_are_logged()
    {
        _acd.Start([]);
        Assert.That(_acd.LogIn("1002") && _acd.Pause("1002", "7") && _acd.Unpause("1002") && _acd.LogOut("1002"));
        await _acd.GetAgentAsync("1002");

        var events = _log.Events.Where(e => e.Agent == "1002").ToList();
        Assert.That(events.Select(e => e.Kind), Is.EqualTo(new[]
        {
            QueueEventKind.Login, QueueEventKind.Pause, QueueEventKind.Unpause, QueueEventKind.Logout,
        }));
        Assert.That(events[1].Detail, Is.EqualTo("7"));
    }
}
