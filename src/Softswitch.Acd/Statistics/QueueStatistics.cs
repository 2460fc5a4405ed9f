namespace Softswitch.Acd.Statistics;

/// <summary>
/// A queue's live figures since start: counts, the service level, and recent handle and wait times that give the
/// estimated wait announced to callers.
/// </summary>
public sealed class QueueStatistics(int window, TimeSpan serviceLevelThreshold)
{
    private readonly RollingWindow _handleSeconds = new(window);
    private readonly RollingWindow _answerWaitSeconds = new(window);

    public int Entered { get; private set; }

    public int Answered { get; private set; }

    public int AnsweredWithinThreshold { get; private set; }

    public int Abandoned { get; private set; }

    public int Overflowed { get; private set; }

    /// <summary>Recent average handle time (talk + wrap-up); null before the first call ends.</summary>
    public TimeSpan? AverageHandleTime => Seconds(_handleSeconds.Average);

    /// <summary>Recent average wait of answered callers; null before the first answer.</summary>
    public TimeSpan? AverageAnswerWait => Seconds(_answerWaitSeconds.Average);

    /// <summary>Answered within the threshold over answered plus abandoned; null before any.</summary>
    public double? ServiceLevel => Answered + Abandoned == 0 ? null : (double)AnsweredWithinThreshold / (Answered + Abandoned);

    public void RecordEntered() => Entered++;

    public void RecordAnswered(TimeSpan wait)
    {
        Answered++;
        if (wait <= serviceLevelThreshold) AnsweredWithinThreshold++;
        _answerWaitSeconds.Add(wait.TotalSeconds);
    }

    public void RecordAbandoned() => Abandoned++;

    public void RecordOverflowed() => Overflowed++;

    public void RecordHandled(TimeSpan handleTime) => _handleSeconds.Add(handleTime.TotalSeconds);

    /// <summary>
    /// The wait of the caller at <paramref name="position"/>: with <paramref name="servingAgents"/> agents each freeing up
    /// once per recent average handle time, the callers ahead (and this one) are served at servingAgents / AHT per second.
    /// Before any call has ended, the recent average wait of answered callers; with neither, null (say nothing).
    /// </summary>
    public TimeSpan? EstimateWait(int position, int servingAgents)
    {
        if (position <= 0) return TimeSpan.Zero;
        if (_handleSeconds.Average is { } handle)
        {
            // No one serving: the wait is unknown, not infinite.
            if (servingAgents <= 0) return null;
            return TimeSpan.FromSeconds(position * handle / servingAgents);
        }

        return AverageAnswerWait;
    }

    private static TimeSpan? Seconds(double? value) => value is { } seconds ? TimeSpan.FromSeconds(seconds) : null;
}
