namespace Softswitch.Acd.Routing;

/// <summary>Where an abandoning caller stood when it left (for the queue event log).</summary>
/// <param name="Queue">The queue's name.</param>
/// <param name="Position">Its position then; 0 if an agent was being offered the call.</param>
/// <param name="Waited">How long it waited.</param>
public readonly record struct CallerExit(string Queue, int Position, TimeSpan Waited);
