namespace Softswitch.Calls.Routing;

/// <summary>Where a dialled number leads.</summary>
public enum RouteTarget
{
    /// <summary>Answer and play the caller's audio back (media test, *43 in the demo).</summary>
    Echo,
    /// <summary>Answer and play music on hold until the caller hangs up (the destination names the music class).</summary>
    Music,
    /// <summary>Two callers to the same number are connected to each other (a test of the bridge).</summary>
    MeetMe,
    /// <summary>Ring an extension's registered phones (the destination names it).</summary>
    Extension,
    /// <summary>Ring a ring group's members, all at once or in order (the destination names the group).</summary>
    RingGroup,
    /// <summary>Run an IVR flow (a later issue).</summary>
    Flow,
    /// <summary>Out through a carrier: the route's trunks in order, the number stripped and prefixed.</summary>
    Trunk,
    /// <summary>A feature code the switch handles itself: *72/*73 forwarding, *78/*79 do-not-disturb, *8 pickup.</summary>
    FeatureCode,
    /// <summary>An ACD queue (the destination names it): served by the host's queue application.</summary>
    Queue,
}
