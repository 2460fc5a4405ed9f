using Softswitch.Calls.Bridging;
using Softswitch.Calls.Routing;

namespace Softswitch.Calls.Signalling;

/// <summary>
/// Where an application's bridge goes: the number routed in the caller's context exactly as if the caller had dialled
/// it (routes first, then extensions and ring groups by number), trunk routes behind the same toll-fraud guard.
/// Routes the switch answers itself (echo, music, another flow) are not bridge destinations: 404.
/// </summary>
public sealed partial class SipRequestDispatcher : IDestinationResolver
{
    public DialTarget? Resolve(CallSource source, string number, out int refusedWith) => Resolve(source, number, out refusedWith, out _);

    /// <summary>As <see cref="Resolve(CallSource, string, out int)"/>, with the route the number matched (null when none did).</summary>
    private DialTarget? Resolve(CallSource source, string number, out int refusedWith, out DialPlanRoute? route)
    {
        refusedWith = 404;
        route = null;
        if (_calls is null) return null;
        route = _calls.DialPlan().Find(number, source.Context) ?? (source.IsTrunk ? null : ImplicitExtensionRoute(number));
        switch (route?.Target)
        {
            case RouteTarget.Extension or RouteTarget.RingGroup when _calls.Targets is not null:
                return RingTarget(route);
            case RouteTarget.Trunk:
                return TrunkTarget(source, route, number, out refusedWith);
            default:
                return null;
        }
    }

    /// <summary>
    /// A trunk route's target: the toll-fraud guard first (an extension needs the route's permission class; a carrier's
    /// call may go out again only where the route allows it: else 403), then the route's trunks in order (none: 503).
    /// </summary>
    private DialTarget? TrunkTarget(CallSource source, DialPlanRoute route, string number, out int refusedWith)
    {
        refusedWith = 0;
        if (!(source.IsTrunk ? route.AllowFromTrunks : source.Permission >= route.Requires))
        {
            refusedWith = 403;
            return null;
        }

        var trunks = route.Trunks.Select(name => _calls!.Trunks?.Registry.Find(name)).OfType<Trunks.TrunkState>().ToList();
        if (trunks.Count == 0)
        {
            refusedWith = 503;
            return null;
        }

        return new DialTarget(trunks[0].Settings.Name, [], TrunkRingTime) { Trunks = trunks, Number = route.OutboundNumber(number) };
    }
}
