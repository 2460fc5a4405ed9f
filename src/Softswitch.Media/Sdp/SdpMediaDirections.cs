namespace Softswitch.Media.Sdp;

/// <summary>Helpers for <see cref="SdpMediaDirection"/>: attribute names and the answer rules of RFC 3264 §6.1.</summary>
public static class SdpMediaDirections
{
    /// <summary>Whether the describing party sends media.</summary>
    public static bool Sends(this SdpMediaDirection direction) =>
        direction is SdpMediaDirection.SendRecv or SdpMediaDirection.SendOnly;

    /// <summary>Whether the describing party receives media.</summary>
    public static bool Receives(this SdpMediaDirection direction) =>
        direction is SdpMediaDirection.SendRecv or SdpMediaDirection.RecvOnly;

    /// <summary>The direction as the other party sees it: sendonly becomes recvonly and back.</summary>
    public static SdpMediaDirection Reverse(this SdpMediaDirection direction) => direction switch
    {
        SdpMediaDirection.SendOnly => SdpMediaDirection.RecvOnly,
        SdpMediaDirection.RecvOnly => SdpMediaDirection.SendOnly,
        _ => direction,
    };

    /// <summary>Builds a direction from "sends" and "receives" flags.</summary>
    public static SdpMediaDirection FromFlags(bool sends, bool receives) => (sends, receives) switch
    {
        (true, true) => SdpMediaDirection.SendRecv,
        (true, false) => SdpMediaDirection.SendOnly,
        (false, true) => SdpMediaDirection.RecvOnly,
        _ => SdpMediaDirection.Inactive,
    };

    /// <summary>The attribute name: <c>sendrecv</c>, <c>sendonly</c>, <c>recvonly</c> or <c>inactive</c>.</summary>
    public static string ToAttributeName(this SdpMediaDirection direction) => direction switch
    {
        SdpMediaDirection.SendOnly => SdpAttributeNames.SendOnly,
        SdpMediaDirection.RecvOnly => SdpAttributeNames.RecvOnly,
        SdpMediaDirection.Inactive => SdpAttributeNames.Inactive,
        _ => SdpAttributeNames.SendRecv,
    };

    /// <summary>Reads a direction attribute name; false for any other attribute.</summary>
    public static bool TryParse(string attributeName, out SdpMediaDirection direction)
    {
        switch (attributeName)
        {
            case SdpAttributeNames.SendRecv: direction = SdpMediaDirection.SendRecv; return true;
            case SdpAttributeNames.SendOnly: direction = SdpMediaDirection.SendOnly; return true;
            case SdpAttributeNames.RecvOnly: direction = SdpMediaDirection.RecvOnly; return true;
            case SdpAttributeNames.Inactive: direction = SdpMediaDirection.Inactive; return true;
            default: direction = SdpMediaDirection.SendRecv; return false;
        }
    }

    /// <summary>Finds the last direction attribute in a list, or null when there is none.</summary>
    internal static SdpMediaDirection? Find(IReadOnlyList<SdpAttribute> attributes)
    {
        SdpMediaDirection? found = null;
        foreach (var attribute in attributes)
        {
            if (attribute.Value is null && TryParse(attribute.Name, out var direction))
            {
                found = direction;
            }
        }
        return found;
    }
}
