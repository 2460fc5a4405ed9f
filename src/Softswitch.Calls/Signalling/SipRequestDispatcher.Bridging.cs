using Softswitch.Calls.Bridging;
using Softswitch.Calls.Routing;
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

    private void Ring(ServerTransaction invite, string caller, DialPlanRoute route)
    {
        var number = route.Destination ?? route.Match;
        var target = route.Target == RouteTarget.RingGroup ? _calls!.Targets!.ForRingGroup(number) : _calls!.Targets!.ForExtension(number);
        if (target is null)
        {
            invite.Respond(404, toTag: SipIds.NewTag());
            LogNoRoute(invite.Request.CallId, number);
            return;
        }

        if (!TryAdmit(invite, caller, out var admission)) return;
        BridgedCall.Start(_bridging!, invite, caller, route, target, admission);
    }
}
