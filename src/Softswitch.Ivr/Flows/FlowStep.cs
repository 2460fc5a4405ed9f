namespace Softswitch.Ivr.Flows;

/// <summary>What a node decided: go to a node, continue in another flow, or end the call.</summary>
internal readonly record struct FlowStep(string? Next, string? Flow, string? Result, bool HangUp)
{
    /// <summary>The caller hung up while the node waited.</summary>
    public static FlowStep CallerHungUp { get; } = new(null, null, "caller hung up", false);

    /// <summary>Go to <paramref name="next"/>; a node without one ends the call (the switch hangs up).</summary>
    public static FlowStep Go(NodeReference? next) => next is null ? End("hangup") : new(next.Name, null, null, false);

    public static FlowStep Jump(string flow) => new(null, flow, null, false);

    /// <summary>End the call with <paramref name="result"/> as the flow's result; the switch hangs up unless the caller did.</summary>
    public static FlowStep End(string result, bool hangUp = true) => new(null, null, result, hangUp);
}
