using Softswitch.Calls.Routing;
using Softswitch.Channels;
using Softswitch.Ivr;

namespace Softswitch.Hosting;

/// <summary>The IVR's routes: a call on <c>flow: NAME</c> runs the live version of that flow (none: the dispatcher answers 480).</summary>
internal sealed class FlowRoutes(FlowLibrary flows) : IRouteApplications
{
    public ICallApplication? For(DialPlanRoute route) =>
        route.Target == RouteTarget.Flow && route.Destination is { Length: > 0 } name ? flows.CreateApplication(name) : null;
}
