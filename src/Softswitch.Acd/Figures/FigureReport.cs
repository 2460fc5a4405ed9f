namespace Softswitch.Acd.Figures;

/// <summary>The figures of every queue and agent seen in the events, each list sorted by name.</summary>
public sealed record FigureReport(IReadOnlyList<QueueFigures> Queues, IReadOnlyList<AgentFigures> Agents);
