using Softswitch.Acd.Statistics;

namespace Softswitch.Acd.Routing;

/// <summary>A queue now.</summary>
/// <param name="Callers">Callers in the queue (waiting or being offered).</param>
/// <param name="Waiting">Callers waiting for an agent.</param>
/// <param name="ActiveAgents">Members logged in and not paused.</param>
/// <param name="Statistics">Its live figures (read on the engine's loop only).</param>
public readonly record struct QueueStatus(int Callers, int Waiting, int ActiveAgents, QueueStatistics Statistics);
