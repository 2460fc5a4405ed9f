namespace Softswitch.Queues;

/// <summary>What a waiting caller is told between the music, and when (the announcement keys of a <c>queues</c> entry).</summary>
public sealed record QueueAnnouncements
{
    /// <summary>Only music before this; then the first announcement.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Position and estimated wait are said again this long after the end of the last time; null: once.</summary>
    public TimeSpan? Every { get; init; }

    /// <summary>"You are caller number N".</summary>
    public bool Position { get; init; } = true;

    /// <summary>"The estimated wait is M minutes", from the engine's live figures (nothing while it has none).</summary>
    public bool EstimatedWait { get; init; } = true;

    /// <summary>A prompt played every <see cref="PeriodicEvery"/>, the first one that long after <see cref="Delay"/>; null: none.</summary>
    public string? PeriodicMessage { get; init; }

    public TimeSpan PeriodicEvery { get; init; } = TimeSpan.FromSeconds(60);
}
