namespace Softswitch.Queues;

/// <summary>An offer the ACD made and that is still out: the caller, its queue and the agent rung.</summary>
internal readonly record struct OpenOffer(string CallId, string Queue, string Agent);
