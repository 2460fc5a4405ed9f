using Softswitch.Calls.Records;
using Softswitch.Calls.Routing;

namespace Softswitch.Calls.Bridging;

/// <summary>
/// Who is calling, as the switch identified the INVITE before routing it: an extension (digest) or a trunk (its
/// source address or our registration with it). Decides the dial plan context and what the caller may reach.
/// </summary>
/// <param name="Kind">extension or trunk (<see cref="CallSourceKinds"/>).</param>
/// <param name="Name">The extension number or the trunk's name.</param>
/// <param name="Number">The caller's number as the callee sees it: the extension, or the caller ID the carrier sent.</param>
/// <param name="DisplayName">The caller's name, if known.</param>
/// <param name="Context">The dial plan context its calls are routed in.</param>
public sealed record CallSource(string Kind, string Name, string Number, string? DisplayName, string Context)
{
    /// <summary>Which trunk routes it may use (a trunk's calls: none, unless a route allows it).</summary>
    public PermissionClass Permission { get; init; } = PermissionClass.Internal;

    /// <summary>The number presented to a carrier when it calls out: an extension's own <c>caller_id</c>; null: the trunk's.</summary>
    public string? OutsideNumber { get; init; }

    public bool IsTrunk => Kind == CallSourceKinds.Trunk;

    public static CallSource Extension(string number, string? displayName, PermissionClass permission, string? outsideNumber = null) =>
        new(CallSourceKinds.Extension, number, number, displayName, DialContexts.Internal) { Permission = permission, OutsideNumber = outsideNumber };

    public static CallSource Trunk(string trunk, string callerNumber, string? displayName, string context) =>
        new(CallSourceKinds.Trunk, trunk, callerNumber, displayName, context);
}
