namespace Softswitch.Calls.Routing;

/// <summary>Names of the dial plan's contexts: where a caller's dialled number is looked up.</summary>
public static class DialContexts
{
    /// <summary>Extensions dial in this one (routes without a context are in it).</summary>
    public const string Internal = "internal";

    /// <summary>A trunk's inbound calls, by DID, unless the trunk names another.</summary>
    public const string FromTrunk = "from-trunk";
}
