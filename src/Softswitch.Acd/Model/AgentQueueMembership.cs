namespace Softswitch.Acd.Model;

/// <summary>An agent serves <paramref name="Queue"/>; an agent with a lower <paramref name="Penalty"/> (tier) is offered first.</summary>
public readonly record struct AgentQueueMembership(string Queue, int Penalty = 0);
