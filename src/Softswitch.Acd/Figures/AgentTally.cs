using Softswitch.Acd.Events;

namespace Softswitch.Acd.Figures;

/// <summary>
/// One agent's counts and its state over time while the events are read: staffed (logged in, not paused) and wrap-up
/// spans are clipped to the interval. An agent whose first state event is a logout or a pause, or who is offered calls
/// before any state event, was staffed before the events begin.
/// </summary>
internal sealed class AgentTally(string agent, FigureSettings settings)
{
    private int _offers;
    private int _noAnswer;
    private int _busy;
    private int _answered;
    private int _completed;
    private TimeSpan _talk;
    private TimeSpan _wrapUp;
    private TimeSpan _staffed;
    private DateTimeOffset? _staffedSince;
    private DateTimeOffset? _wrapUpSince;
    private string? _wrapUpQueue;
    private bool _stateKnown;

    public ScoreTally Scores { get; } = new();

    /// <summary>Follows every event of the agent, in time order; counts those in the interval.</summary>
    /// <returns>The wrap-up that ended with this event (its part in the interval) and the queue of its call; null when none ended.</returns>
    public (string? Queue, TimeSpan Length)? Add(in QueueEvent e)
    {
        (string? Queue, TimeSpan Length)? wrapEnded = null;
        switch (e.Kind)
        {
            case QueueEventKind.Login:
                _staffedSince ??= e.At;
                break;
            case QueueEventKind.Unpause:
                _staffedSince ??= e.At;
                break;
            case QueueEventKind.Logout or QueueEventKind.Pause:
                if (!_stateKnown) _staffedSince = DateTimeOffset.MinValue;
                wrapEnded = EndWrapUp(e.At);
                EndStaffed(e.At);
                break;
            case QueueEventKind.WrapUpStart:
                _wrapUpSince = e.At;
                _wrapUpQueue = e.Queue;
                break;
            case QueueEventKind.WrapUpEnd:
                wrapEnded = EndWrapUp(e.At);
                break;
            default:
                if (!_stateKnown) _staffedSince = DateTimeOffset.MinValue;
                if (settings.Contains(e.At)) Count(e);
                break;
        }

        _stateKnown = true;
        return wrapEnded;
    }

    /// <summary>Closes what is still open at the end of the interval (all events read); returns a wrap-up it closed, as <see cref="Add"/>.</summary>
    public (string? Queue, TimeSpan Length)? Finish()
    {
        var wrapEnded = EndWrapUp(settings.To);
        EndStaffed(settings.To);
        return wrapEnded;
    }

    /// <summary>The figures, after <see cref="Finish"/>.</summary>
    public AgentFigures ToFigures()
    {
        var hours = _staffed.TotalHours;
        return new AgentFigures(agent, _offers, _noAnswer, _busy, _answered, _completed, _talk, _wrapUp, _staffed,
            _completed == 0 ? null : (_talk + _wrapUp) / _completed,
            hours > 0 ? (_talk + _wrapUp) / _staffed : null,
            hours > 0 ? _completed / hours : null,
            Scores.Csat, Scores.Average);
    }

    private void Count(in QueueEvent e)
    {
        switch (e.Kind)
        {
            case QueueEventKind.Offer: _offers++; break;
            case QueueEventKind.RingNoAnswer: _noAnswer++; break;
            case QueueEventKind.Busy: _busy++; break;
            case QueueEventKind.Connect: _answered++; break;
            case QueueEventKind.CompleteByAgent or QueueEventKind.CompleteByCaller:
                _completed++;
                _talk += e.Talk ?? TimeSpan.Zero;
                break;
            case QueueEventKind.SurveyScore: Scores.Add(e.Detail); break;
        }
    }

    private (string? Queue, TimeSpan Length)? EndWrapUp(DateTimeOffset at)
    {
        if (_wrapUpSince is not { } since) return null;
        _wrapUpSince = null;
        var clipped = Clip(since, at);
        _wrapUp += clipped;
        return (_wrapUpQueue, clipped);
    }

    private void EndStaffed(DateTimeOffset at)
    {
        if (_staffedSince is not { } since) return;
        _staffedSince = null;
        _staffed += Clip(since, at);
    }

    /// <summary>The part of [start, end) that lies in the interval.</summary>
    private TimeSpan Clip(DateTimeOffset start, DateTimeOffset end)
    {
        var from = start > settings.From ? start : settings.From;
        var to = end < settings.To ? end : settings.To;
        return to > from ? to - from : TimeSpan.Zero;
    }
}
