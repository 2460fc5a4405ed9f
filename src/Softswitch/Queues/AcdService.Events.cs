using Softswitch.Acd.Events;
using Softswitch.Acd.Model;
using Softswitch.Acd.Routing;
using Softswitch.Channels;

namespace Softswitch.Queues;

/// <summary>
/// The queue event log, written from the ACD loop: every caller's steps (enter, offer, no answer / busy, connect,
/// abandon, complete, overflow) and every agent state change the engine reports. All of it runs on the loop, so the
/// bookkeeping needs no lock; <see cref="IQueueEvents.Record"/> only queues the event for the background writer.
/// </summary>
public sealed partial class AcdService
{
    private readonly IQueueEvents? _events;
    private readonly Dictionary<string, QueueEntry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _agentCallQueue = new(StringComparer.Ordinal);

    /// <summary>
    /// The conversation of <paramref name="callId"/> with <paramref name="agentId"/> is over (the bridge's
    /// <paramref name="result"/> says who hung up and the talk time): logged as complete_by_agent or complete_by_caller,
    /// then wrap-up starts.
    /// </summary>
    public void CallEnded(string agentId, string callId, BridgeResult result)
    {
        var at = _time.GetUtcNow();
        Post(() =>
        {
            NoteCompleted(agentId, callId, result.Outcome == BridgeOutcome.CallerHungUp, result.TalkTime, at);
            Touch(agentId);
            _engine.CallEnded(agentId);
        });
    }

    /// <summary>
    /// A step that the features beside the engine take (a callback requested or connected, a survey score, a transfer),
    /// logged as it happens; callable from any thread (the log only queues it).
    /// </summary>
    public void NoteFeatureEvent(QueueEventKind kind, string callId, string queue, string? agent, string? callerNumber = null,
        TimeSpan? wait = null, string? detail = null) =>
        _events?.Record(new QueueEvent(_time.GetUtcNow(), kind, callId, queue, agent) { CallerNumber = callerNumber, Wait = wait, Detail = detail });

    private void NoteEntered(string callId, string queue, string? callerNumber)
    {
        if (_events is null) return;
        var now = _time.GetUtcNow();
        _entries[callId] = new QueueEntry(queue, now, callerNumber);
        var position = _engine.GetCaller(callId)?.Position;
        _events.Record(new QueueEvent(now, QueueEventKind.Enter, callId, queue, null) { CallerNumber = callerNumber, Position = position });
    }

    private void NoteAbandoned(string callId, CallerExit? exit, DateTimeOffset now)
    {
        if (_events is null || !_entries.Remove(callId, out var entry)) return;
        _events.Record(new QueueEvent(now, QueueEventKind.Abandon, callId, entry.Queue, null)
        {
            CallerNumber = entry.CallerNumber, Position = exit?.Position, Wait = exit?.Waited ?? now - entry.EnteredAt,
        });
    }

    private void NoteOffered(in AcdDecision offer)
    {
        if (_events is null || offer.CallId is not { } callId || offer.AgentId is not { } agent) return;
        _events.Record(new QueueEvent(_time.GetUtcNow(), QueueEventKind.Offer, callId, offer.Queue, agent) { CallerNumber = NumberOf(callId) });
    }

    private void NoteOfferFailed(OpenOffer? failed, OfferFailure failure, DateTimeOffset at)
    {
        if (_events is null || failed is not { } offer) return;
        var kind = failure == OfferFailure.Busy ? QueueEventKind.Busy : QueueEventKind.RingNoAnswer;
        _events.Record(new QueueEvent(at, kind, offer.CallId, offer.Queue, offer.Agent) { CallerNumber = NumberOf(offer.CallId) });
    }

    private void NoteConnected(string callId, OpenOffer? answered, DateTimeOffset now)
    {
        if (_events is null || answered is not { } offer) return;
        _agentCallQueue[offer.Agent] = offer.Queue;
        var entry = _entries.GetValueOrDefault(callId);
        _events.Record(new QueueEvent(now, QueueEventKind.Connect, callId, offer.Queue, offer.Agent)
        {
            CallerNumber = entry?.CallerNumber, Wait = entry is null ? null : now - entry.EnteredAt,
        });
    }

    private void NoteCompleted(string agentId, string callId, bool callerHungUp, TimeSpan talk, DateTimeOffset at)
    {
        if (_events is null) return;
        _entries.Remove(callId, out var entry);
        var queue = entry?.Queue ?? _agentCallQueue.GetValueOrDefault(agentId);
        var kind = callerHungUp ? QueueEventKind.CompleteByCaller : QueueEventKind.CompleteByAgent;
        _events.Record(new QueueEvent(at, kind, callId, queue, agentId) { CallerNumber = entry?.CallerNumber, Talk = talk });
    }

    private void NoteOverflowed(in AcdDecision overflow)
    {
        if (_events is null || overflow.CallId is not { } callId) return;
        var now = _time.GetUtcNow();
        _entries.Remove(callId, out var entry);
        _events.Record(new QueueEvent(now, QueueEventKind.Overflow, callId, overflow.Queue, null)
        {
            CallerNumber = entry?.CallerNumber, Wait = entry is null ? null : now - entry.EnteredAt,
            Detail = overflow.Destination ?? overflow.Reason.ToString(),
        });
    }

    /// <summary>The engine's agent state changes as login, logout, pause, unpause and wrap-up start / end events.</summary>
    private void NoteStateChanges()
    {
        while (_engine.TryTakeStateChange(out var change))
        {
            if (_events is null) continue;
            var now = _time.GetUtcNow();
            var agent = change.AgentId;
            if (change.From == AgentState.WrapUp) Record(QueueEventKind.WrapUpEnd, _agentCallQueue.GetValueOrDefault(agent));
            switch (change.To)
            {
                case AgentState.LoggedOut:
                    Record(QueueEventKind.Logout, null);
                    break;
                case AgentState.Paused:
                    Record(QueueEventKind.Pause, null, change.PauseReason);
                    break;
                case AgentState.WrapUp:
                    Record(QueueEventKind.WrapUpStart, _agentCallQueue.GetValueOrDefault(agent));
                    break;
                case AgentState.Available when change.From == AgentState.LoggedOut:
                    Record(QueueEventKind.Login, null);
                    break;
                case AgentState.Available when change.From == AgentState.Paused:
                    Record(QueueEventKind.Unpause, null);
                    break;
            }

            void Record(QueueEventKind kind, string? queue, string? detail = null) =>
                _events.Record(new QueueEvent(now, kind, null, queue, agent) { Detail = detail });
        }
    }

    private string? NumberOf(string callId) => _entries.GetValueOrDefault(callId)?.CallerNumber;

    /// <summary>A caller in a queue, as the log needs it: its queue, when it entered, its number.</summary>
    private sealed record QueueEntry(string Queue, DateTimeOffset EnteredAt, string? CallerNumber);
}
