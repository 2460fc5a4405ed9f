namespace Softswitch.Channels;

/// <summary>A finished recording.</summary>
/// <param name="Outcome">What stopped it.</param>
/// <param name="Length">The audio kept in the file (trailing silence included when silence stopped it).</param>
/// <param name="StopKey">The key that stopped it, when <paramref name="Outcome"/> is <see cref="RecordOutcome.StoppedByKey"/>.</param>
public readonly record struct RecordResult(RecordOutcome Outcome, TimeSpan Length, char? StopKey = null);
