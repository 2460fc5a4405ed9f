namespace Softswitch.Ivr.Runtime;

/// <summary>The variables every call has when a flow starts (plus the flow's own and what nodes set).</summary>
public static class FlowVariables
{
    public const string Caller = "caller";
    public const string CallerName = "caller_name";
    public const string Dialled = "dialled";
    public const string Language = "language";

    /// <summary><c>extension</c> or <c>trunk</c>.</summary>
    public const string Origin = "origin";

    /// <summary>The extension number or the trunk's name the call came from.</summary>
    public const string OriginName = "origin_name";

    /// <summary>The HTTP status of the last <c>http</c> node's reply.</summary>
    public const string HttpStatus = "http_status";

    public static IReadOnlyList<string> BuiltIn { get; } = [Caller, CallerName, Dialled, Language, Origin, OriginName, HttpStatus];
}
