using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Softswitch.Acd.Events;
using Softswitch.Acd.Model;
using Softswitch.Calls.Features;
using Softswitch.Acd.Routing;

namespace Softswitch.Queues;

/// <summary>
/// The one loop that owns the <see cref="AcdEngine"/> (which is not thread-safe): queue calls, the registrar and the
/// agents' feature codes post commands to its mailbox; after each command the loop hands the engine's decisions to
/// the callers they concern (each caller's own inbox) and re-arms one timer at <see cref="AcdEngine.NextDueAt"/>.
/// Every public method only posts, so it may be called from any thread, including a call's loop.
/// </summary>
public sealed partial class AcdService : IAgentStates, IAsyncDisposable
{
    private readonly AcdEngine _engine;
    private readonly HashSet<string> _agents;
    private readonly TimeProvider _time;
    private readonly ILogger<AcdService> _logger;
    private readonly Channel<Action> _mailbox = Channel.CreateUnbounded<Action>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, ChannelWriter<AcdDecision>> _callers = new(StringComparer.Ordinal);

    /// <summary>Each offer out to an agent until it is answered, fails or is cancelled: the agent to settle, and the log's who and where.</summary>
    private readonly Dictionary<long, OpenOffer> _openOffers = [];
    private readonly ITimer _timer;
    private DateTimeOffset? _armedFor;
    private Task? _loop;

    /// <param name="events">The queue event log (null: none kept).</param>
    public AcdService(AcdConfiguration configuration, TimeProvider time, ILogger<AcdService> logger, IQueueEvents? events = null)
    {
        _engine = new AcdEngine(configuration, time) { TracksStateChanges = events is not null };
        _events = events;
        _agents = configuration.Agents.Select(agent => agent.Id).ToHashSet(StringComparer.Ordinal);
        _agentOrder = [.. configuration.Agents.Select(agent => agent.Id)];
        _time = time;
        _logger = logger;
        _timer = time.CreateTimer(_ => Post(TimerFired), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Starts the loop and logs <paramref name="agents"/> in (the configured agents, at start-up).</summary>
    public void Start(IEnumerable<string> agents) => Start(agents, []);

    /// <summary>
    /// The caller <paramref name="callId"/> enters <paramref name="queue"/>; the decisions about it (its offers, its
    /// overflow) arrive in <paramref name="inbox"/> until it leaves (abandon, overflow, or its offer answered).
    /// <paramref name="callerNumber"/> goes to the event log (first-call resolution).
    /// </summary>
    public Task<EnqueueResult> EnqueueAsync(string callId, string queue, ChannelWriter<AcdDecision> inbox, int priority = 0,
        IReadOnlyList<SkillRequirement>? skills = null, string? callerNumber = null)
    {
        var result = new TaskCompletionSource<EnqueueResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!Post(() =>
            {
                var entered = _engine.Enqueue(callId, queue, priority, skills);
                if (entered == EnqueueResult.Queued)
                {
                    _callers[callId] = inbox;
                    NoteEntered(callId, queue, callerNumber);
                }

                result.TrySetResult(entered);
            }))
        {
            result.TrySetResult(EnqueueResult.QueueEmpty);
        }

        return result.Task;
    }

    /// <summary>The caller hung up or left while waiting or ringing an agent.</summary>
    public void Abandon(string callId)
    {
        var at = _time.GetUtcNow();
        Post(() =>
        {
            _callers.Remove(callId);
            var exit = _engine.Abandon(callId);
            if (exit is { } left) LogAbandoned(callId, left.Queue, left.Position, left.Waited.TotalSeconds);
            NoteAbandoned(callId, exit, at);
        });
    }

    /// <summary>The agent of <paramref name="offerId"/> answered: the caller leaves the queue for the conversation.</summary>
    public void OfferAnswered(string callId, long offerId)
    {
        var at = _time.GetUtcNow(); // the log's moment of the answer, not of the loop's turn
        Post(() =>
        {
            _callers.Remove(callId);
            var offer = EndOffer(offerId);
            if (_engine.OfferAnswered(offerId)) NoteConnected(callId, offer, at);
        });
    }

    public void OfferFailed(long offerId, OfferFailure failure)
    {
        var at = _time.GetUtcNow();
        Post(() =>
        {
            var offer = EndOffer(offerId);
            if (_engine.OfferFailed(offerId, failure)) NoteOfferFailed(offer, failure, at);
        });
    }

    /// <summary>The conversation of a queue call with <paramref name="agentId"/> is over: wrap-up starts.</summary>
    public void CallEnded(string agentId) => Post(() =>
    {
        Touch(agentId);
        _engine.CallEnded(agentId);
    });

    /// <summary>The agent feature codes (*50-*53) and, later, the command API: false for an extension that is no agent.</summary>
    public bool LogIn(string agentId) => IsAgent(agentId) && Post(() => Touch(agentId, _engine.LogIn(agentId)));

    public bool LogOut(string agentId) => IsAgent(agentId) && Post(() => Touch(agentId, _engine.LogOut(agentId)));

    public bool Pause(string agentId, string reason) => IsAgent(agentId) && Post(() => Touch(agentId, _engine.Pause(agentId, reason)));

    public bool Unpause(string agentId) => IsAgent(agentId) && Post(() => Touch(agentId, _engine.Unpause(agentId)));

    private bool IsAgent(string agentId) => _agents.Contains(agentId);

    public void SetRegistered(string agentId, bool registered) => Post(() => _engine.SetRegistered(agentId, registered));

    public void SetOnOtherCall(string agentId, bool onOtherCall) => Post(() => _engine.SetOnOtherCall(agentId, onOtherCall));

    /// <summary>Where a caller stands (position, wait, estimated wait), read on the loop; null when it is in no queue.</summary>
    public Task<CallerStatus?> GetCallerAsync(string callId) => Ask(() => _engine.GetCaller(callId));

    /// <summary>An agent's state, read on the loop; null for an unknown agent.</summary>
    public Task<AgentStatus?> GetAgentAsync(string agentId) => Ask(() => _engine.GetAgent(agentId));

    public async ValueTask DisposeAsync()
    {
        _mailbox.Writer.TryComplete();
        await _timer.DisposeAsync().ConfigureAwait(false);
        if (_loop is not null) await _loop.ConfigureAwait(false);
    }

    private Task<T?> Ask<T>(Func<T?> read)
    {
        var answer = new TaskCompletionSource<T?>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!Post(() => answer.TrySetResult(read()))) answer.TrySetResult(default);
        return answer.Task;
    }

    private bool Post(Action command) => _mailbox.Writer.TryWrite(command);

    private async Task RunAsync()
    {
        await foreach (var command in _mailbox.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                command();
            }
            catch (Exception error)
            {
                LogCommandFailed(error);
            }

            Dispatch();
            NoteStateChanges();
            SettleTouchedAgents();
            Rearm();
        }
    }

    /// <summary>Each decision to the caller it concerns; one for a caller that has gone is dropped (its abandon is on its way).</summary>
    private void Dispatch()
    {
        while (_engine.TryTakeDecision(out var decision))
        {
            switch (decision.Kind)
            {
                case AcdDecisionKind.AgentPaused:
                    LogAgentPaused(decision.AgentId ?? "-", decision.PauseReason ?? "-");
                    Touch(decision.AgentId);
                    break;
                case AcdDecisionKind.Offer:
                    LogOffer(decision.CallId ?? "-", decision.Queue, decision.AgentId ?? "-", decision.OfferId);
                    if (decision.AgentId is { } offered) _openOffers[decision.OfferId] = new OpenOffer(decision.CallId ?? "", decision.Queue, offered);
                    NoteOffered(decision);
                    Deliver(decision);
                    break;
                case AcdDecisionKind.CancelOffer:
                    EndOffer(decision.OfferId);
                    Deliver(decision);
                    break;
                case AcdDecisionKind.Overflow:
                    LogOverflow(decision.CallId ?? "-", decision.Queue, decision.Reason.ToString(), decision.Destination ?? "-");
                    NoteOverflowed(decision);
                    Deliver(decision);
                    if (decision.CallId is { } leaving) _callers.Remove(leaving);
                    break;
                default:
                    Deliver(decision);
                    break;
            }
        }
    }

    private void Deliver(AcdDecision decision)
    {
        if (decision.CallId is { } callId && _callers.TryGetValue(callId, out var inbox)) inbox.TryWrite(decision);
    }

    /// <summary>The timer went off (perhaps a little early): whatever is due runs, and the timer is armed again whatever the engine says.</summary>
    private void TimerFired()
    {
        _armedFor = null;
        _engine.AdvanceTime();
    }

    /// <summary>One timer for the earliest thing due; re-armed only when that moment moved.</summary>
    private void Rearm()
    {
        var due = _engine.NextDueAt;
        if (due == _armedFor) return;
        _armedFor = due;
        if (due is not { } at)
        {
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var delay = at - _time.GetUtcNow();
        _timer.Change(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }
}
