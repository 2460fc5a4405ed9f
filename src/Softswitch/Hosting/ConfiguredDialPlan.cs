using Microsoft.Extensions.Options;
using Softswitch.Calls.Routing;
using Softswitch.Configuration.Options;
using Softswitch.Extensions;

namespace Softswitch.Hosting;

/// <summary>The dial plan of the configuration in force: built from <c>routes</c>, rebuilt only when a reload changed them.</summary>
internal sealed class ConfiguredDialPlan(IOptionsMonitor<SoftswitchOptions> options)
{
    private (List<RouteOptions> Source, DialPlan Plan)? _dialPlan;

    public DialPlan Current()
    {
        var current = options.CurrentValue;
        var cached = _dialPlan;
        if (cached is not null && ReferenceEquals(cached.Value.Source, current.Routes)) return cached.Value.Plan;
        var plan = new DialPlan(current.Routes.Select(route => (route switch
        {
            { Echo: true } => new DialPlanRoute(route.Match, RouteTarget.Echo, Record: route.Record),
            { Music: { Length: > 0 } music } => new DialPlanRoute(route.Match, RouteTarget.Music, music, route.Record),
            { MeetMe: true } => new DialPlanRoute(route.Match, RouteTarget.MeetMe, Record: route.Record),
            { Extension: { Length: > 0 } extension } => new DialPlanRoute(route.Match, RouteTarget.Extension, extension, route.Record),
            { Queue: { Length: > 0 } queue } => new DialPlanRoute(route.Match, RouteTarget.Queue, queue, route.Record),
            { RingGroup: { Length: > 0 } group } => new DialPlanRoute(route.Match, RouteTarget.RingGroup, group, route.Record),
            { Trunk: { Length: > 0 } trunk } => new DialPlanRoute(route.Match, RouteTarget.Trunk, trunk, route.Record)
            {
                Trunks = [trunk, .. route.Failover],
                Strip = route.Strip,
                Prefix = route.Prefix ?? "",
                Requires = ExtensionCallees.PermissionOf(route.Requires),
                AllowFromTrunks = route.AllowFromTrunks,
            },
            _ => new DialPlanRoute(route.Match, RouteTarget.Flow, route.Flow, route.Record),
        }) with
        {
            Greeting = route.Greeting,
            AnswerAfter = TimeSpan.FromMilliseconds(route.AnswerAfterMs),
            Context = route.Context ?? DialContexts.Internal,
        }));
        _dialPlan = (current.Routes, plan);
        return plan;
    }

}
