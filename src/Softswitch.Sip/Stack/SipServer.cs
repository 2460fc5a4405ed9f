namespace Softswitch.Sip.Stack;

/// <summary>How the switch names itself in Server and User-Agent headers.</summary>
public static class SipServer
{
    public static string Name { get; } = "Softswitch/" + (typeof(SipServer).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
}
