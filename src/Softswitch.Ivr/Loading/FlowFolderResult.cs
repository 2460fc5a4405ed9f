using Softswitch.Ivr.Flows;

namespace Softswitch.Ivr.Loading;

/// <summary>What loading a folder gave: the flows without errors, the names of those with errors, and every problem.</summary>
/// <param name="Flows">Flows that passed every check, by name.</param>
/// <param name="Rejected">Flows with at least one error (not usable).</param>
/// <param name="Problems">Errors and warnings, in file order.</param>
/// <param name="CalendarsBroken">True when calendars.yaml has errors (a reload then keeps every live flow as it is).</param>
public sealed record FlowFolderResult(
    IReadOnlyDictionary<string, Flow> Flows,
    IReadOnlyList<string> Rejected,
    IReadOnlyList<FlowProblem> Problems,
    bool CalendarsBroken)
{
    public bool HasErrors => Problems.Any(p => p.IsError);
}
