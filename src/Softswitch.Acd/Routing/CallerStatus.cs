namespace Softswitch.Acd.Routing;

/// <summary>What a waiting caller is told, and where it stands.</summary>
/// <param name="Queue">The queue's name.</param>
/// <param name="Position">1 for the next caller served; 0 while an agent is being offered the call.</param>
/// <param name="Waited">Time since entering.</param>
/// <param name="EstimatedWait">From the queue's live statistics; null while it has none.</param>
/// <param name="RelaxationLevel">0 with the configured skills, then one per relaxation step reached.</param>
public readonly record struct CallerStatus(string Queue, int Position, TimeSpan Waited, TimeSpan? EstimatedWait, int RelaxationLevel);
