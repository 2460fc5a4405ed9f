namespace Softswitch.Acd.Model;

/// <summary>
/// After a caller has waited <paramref name="AfterWait"/>, the skill minimums drop by <paramref name="LowerLevelsBy"/>
/// (from the configured minimum, not cumulative; a skill stays required at level 1 at least), or, with
/// <paramref name="AnyAgent"/>, any agent of the queue will do.
/// </summary>
public sealed record RelaxationStep(TimeSpan AfterWait, int LowerLevelsBy, bool AnyAgent = false);
