using Softswitch.Calls.Bridging;
using Softswitch.Calls.Routing;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Stack;
using Softswitch.Sip.Transactions;

namespace Softswitch.Calls.Signalling;

/// <summary>Calls the switch connects to another party: an extension dialled by number or through a route.</summary>
public sealed partial class SipRequestDispatcher
{
    /// <summary>An extension's number reaches it without a route of its own; configured routes come first.</summary>
    private DialPlanRoute? ImplicitExtensionRoute(string dialled) =>
        _calls!.Targets?.IsExtension(dialled) == true ? new DialPlanRoute(dialled, RouteTarget.Extension, dialled) : null;

    private void RingExtension(ServerTransaction invite, string caller, DialPlanRoute route)
    {
        if (_calls!.Targets!.ForExtension(route.Destination ?? route.Match) is not { } target)
        {
            invite.Respond(404, toTag: SipIds.NewTag());
            LogNoRoute(invite.Request.CallId, route.Destination ?? route.Match);
            return;
        }

        if (!TryAdmit(invite, caller, out var admission)) return;
        BridgedCall.Start(_bridging!, invite, caller, route, target, admission);
    }
}
