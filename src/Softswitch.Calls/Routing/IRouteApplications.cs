using Softswitch.Channels;

namespace Softswitch.Calls.Routing;

/// <summary>
/// A module's routes: the application a call on a route it serves runs (the IVR serves <c>flow</c> routes, the ACD
/// will serve <c>queue</c> routes). The host registers one per module; a new kind of target touches that module only.
/// </summary>
public interface IRouteApplications
{
    /// <summary>The application for a call on <paramref name="route"/>, or null when this module does not serve it.</summary>
    ICallApplication? For(DialPlanRoute route);
}
