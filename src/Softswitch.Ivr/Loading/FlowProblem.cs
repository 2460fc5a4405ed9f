namespace Softswitch.Ivr.Loading;

/// <summary>One problem in a flow or calendar file, printed as <c>file:line:column: message</c>.</summary>
public sealed record FlowProblem(SourcePosition Position, string Message, FlowProblemSeverity Severity = FlowProblemSeverity.Error)
{
    public bool IsError => Severity == FlowProblemSeverity.Error;

    public override string ToString() =>
        IsError ? $"{Position}: {Message}" : $"{Position}: warning: {Message}";
}
