using Softswitch.Calls.Bridging;
using Softswitch.Calls.Routing;
using Softswitch.Calls.Trunks;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Stack;
using Softswitch.Sip.Transactions;

namespace Softswitch.Calls.Signalling;

/// <summary>Calls the switch connects to another party: an extension dialled by number or through a route.</summary>
public sealed partial class SipRequestDispatcher
{
    /// <summary>An extension's or a ring group's number reaches it without a route of its own; configured routes come first.</summary>
    private DialPlanRoute? ImplicitExtensionRoute(string dialled) => _calls!.Targets switch
    {
        { } targets when targets.IsExtension(dialled) => new DialPlanRoute(dialled, RouteTarget.Extension, dialled),
        { } targets when targets.IsRingGroup(dialled) => new DialPlanRoute(dialled, RouteTarget.RingGroup, dialled),
        _ => null,
    };

    /// <summary>An authenticated extension as a caller: its name, how far it may call out and the number it presents outside.</summary>
    private CallSource ExtensionSource(ServerTransaction invite, string extension)
    {
        var profile = _calls!.Targets?.Profile(extension);
        return CallSource.Extension(extension, profile?.Name ?? invite.Request.From.DisplayName, profile?.Permission ?? PermissionClass.National,
            profile?.OutsideCallerId);
    }

    private void Ring(ServerTransaction invite, CallSource caller, DialPlanRoute route)
    {
        if (RingTarget(route) is not { } target)
        {
            invite.Respond(404, toTag: SipIds.NewTag());
            LogNoRoute(invite.Request.CallId, route.Destination ?? route.Match);
            return;
        }

        Bridge(invite, caller, route, target);
    }

    /// <summary>What an extension or ring-group route rings, or null when its number is neither.</summary>
    private DialTarget? RingTarget(DialPlanRoute route)
    {
        var number = route.Destination ?? route.Match;
        return route.Target == RouteTarget.RingGroup ? _calls!.Targets!.ForRingGroup(number) : _calls!.Targets!.ForExtension(number);
    }

    /// <summary>
    /// A trunk route: the toll-fraud guard first (an extension needs the route's permission class; a carrier's call may
    /// go out again only where the route allows it), then the route's trunks in order with the number rewritten.
    /// </summary>
    private void CallOut(ServerTransaction invite, CallSource caller, DialPlanRoute route, string dialled)
    {
        var target = TrunkTarget(caller, route, dialled, out var refusedWith);
        if (refusedWith == 403)
        {
            invite.Respond(403, "Not Permitted", toTag: SipIds.NewTag());
            LogTollFraudGuard(invite.Request.CallId, caller.Kind, caller.Name, dialled, route.Match,
                caller.IsTrunk ? "allow_from_trunks" : route.Requires.ToString().ToLowerInvariant());
            return;
        }

        if (target is null)
        {
            invite.Respond(503, "No Trunk", toTag: SipIds.NewTag());
            return;
        }

        Bridge(invite, caller, route, target);
    }

    /// <summary>A carrier will not ring for ever, but the switch bounds it anyway.</summary>
    private static readonly TimeSpan TrunkRingTime = TimeSpan.FromMinutes(3);

    private void Bridge(ServerTransaction invite, CallSource caller, DialPlanRoute route, DialTarget target)
    {
        if (!TryAdmit(invite, caller.IsTrunk ? null : caller.Name, out var admission)) return;
        BridgedCall.Start(_bridging!, invite, caller, route, target, admission);
    }

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Warning,
        Message = "{CallId}: {Kind} {Caller} may not dial {Dialled} (route {Route} needs {Needs}): 403")]
    private partial void LogTollFraudGuard(string callId, string kind, string caller, string dialled, string route, string needs);
}
