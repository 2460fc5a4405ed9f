using Softswitch.Acd.Events;

namespace Softswitch.Acd.Figures;

/// <summary>One queue's counts while the events are read; <see cref="ToFigures"/> makes the figures.</summary>
internal sealed class QueueTally(string queue, TimeSpan threshold)
{
    private int _offered;
    private int _answered;
    private int _answeredWithin;
    private int _abandoned;
    private int _abandonedWithin;
    private int _overflowed;
    private int _completed;
    private int _transfers;
    private int _callbacks;
    private TimeSpan _totalWait;
    private TimeSpan _longestWait;
    private TimeSpan _talk;
    private int _resolvedFirst;
    private int _answeredWithNumber;

    public TimeSpan WrapUp { get; set; }

    public ScoreTally Scores { get; } = new();

    /// <summary>Counts an event of this queue that happened in the interval.</summary>
    public void Add(in QueueEvent e)
    {
        switch (e.Kind)
        {
            case QueueEventKind.Enter:
                _offered++;
                break;
            case QueueEventKind.Connect:
                _answered++;
                var wait = e.Wait ?? TimeSpan.Zero;
                _totalWait += wait;
                if (wait <= threshold) _answeredWithin++;
                NoteWait(wait);
                break;
            case QueueEventKind.Abandon:
                _abandoned++;
                if ((e.Wait ?? TimeSpan.Zero) <= threshold) _abandonedWithin++;
                NoteWait(e.Wait);
                break;
            case QueueEventKind.Overflow:
                _overflowed++;
                NoteWait(e.Wait);
                break;
            case QueueEventKind.CallbackRequested:
                _callbacks++;
                NoteWait(e.Wait);
                break;
            case QueueEventKind.CompleteByAgent or QueueEventKind.CompleteByCaller:
                _completed++;
                _talk += e.Talk ?? TimeSpan.Zero;
                break;
            case QueueEventKind.Transfer:
                _transfers++;
                break;
            case QueueEventKind.SurveyScore:
                Scores.Add(e.Detail);
                break;
        }
    }

    /// <summary>One answered caller with a number, resolved at first contact or not.</summary>
    public void AddFirstCall(bool resolved)
    {
        _answeredWithNumber++;
        if (resolved) _resolvedFirst++;
    }

    public QueueFigures ToFigures() => new(
        queue, _offered, _answered, _abandoned, _abandonedWithin, _overflowed, _answeredWithin,
        Share(_answeredWithin, _offered),
        _answered == 0 ? null : _totalWait / _answered,
        _completed == 0 ? null : (_talk + WrapUp) / _completed,
        _longestWait,
        Share(_resolvedFirst, _answeredWithNumber),
        Scores.Csat, Scores.Average, Scores.Count, _transfers, _callbacks);

    private void NoteWait(TimeSpan? wait)
    {
        if (wait is { } w && w > _longestWait) _longestWait = w;
    }

    private static double? Share(int part, int whole) => whole == 0 ? null : (double)part / whole;
}
