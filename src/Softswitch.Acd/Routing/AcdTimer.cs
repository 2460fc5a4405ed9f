namespace Softswitch.Acd.Routing;

/// <summary>A due time the engine acts on in <see cref="AcdEngine.AdvanceTime"/>; stale ones (the caller left, the state moved on) are dropped then.</summary>
internal readonly record struct AcdTimer(AcdTimerKind Kind, CallerRecord? Caller, AgentRecord? Agent, int Level, long DueTicks);
