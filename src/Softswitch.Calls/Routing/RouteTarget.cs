namespace Softswitch.Calls.Routing;

/// <summary>Where a dialled number leads.</summary>
public enum RouteTarget
{
    /// <summary>Answer and play the caller's audio back (media test, *43 in the demo).</summary>
    Echo,
    /// <summary>Ring an extension (call control: a later issue).</summary>
    Extension,
    /// <summary>Run an IVR flow (a later issue).</summary>
    Flow,
}
