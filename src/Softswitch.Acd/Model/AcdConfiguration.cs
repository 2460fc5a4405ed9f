namespace Softswitch.Acd.Model;

/// <summary>Everything the engine routes by: queues, agents (their order is the tie-break) and the miss rules.</summary>
public sealed record AcdConfiguration(IReadOnlyList<QueueDefinition> Queues, IReadOnlyList<AgentDefinition> Agents)
{
    /// <summary>Consecutive unanswered offers after which an agent is paused with reason <see cref="MissedPauseReason"/>; 0: never.</summary>
    public int MissesBeforePause { get; init; } = 3;

    /// <summary>After an offer is not answered, busy or rejected the agent gets no offer for this long, so the caller moves on.</summary>
    public TimeSpan RestAfterMiss { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How many recent calls the live statistics (estimated wait) average over.</summary>
    public int StatisticsWindow { get; init; } = 50;

    /// <summary>Seed of the random strategy (tests); null: random.</summary>
    public int? RandomSeed { get; init; }

    public const string MissedPauseReason = "missed";
}
