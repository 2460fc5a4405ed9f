namespace Softswitch.Calls.Supervision;

/// <summary>Which concurrency limit refused a call, if any.</summary>
public enum CallLimitReached
{
    None,
    MaxCalls,
    MaxCallsPerExtension,
}
