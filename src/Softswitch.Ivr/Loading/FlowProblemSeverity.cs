namespace Softswitch.Ivr.Loading;

public enum FlowProblemSeverity
{
    /// <summary>The flow cannot be used (it is not loaded, or the previous version stays live).</summary>
    Error,

    /// <summary>Probably a mistake, but the flow still runs (an unreachable node).</summary>
    Warning,
}
