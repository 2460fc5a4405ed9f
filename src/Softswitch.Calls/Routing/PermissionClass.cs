namespace Softswitch.Calls.Routing;

/// <summary>
/// How far an extension may call out (toll-fraud guard): a trunk route names the class it needs, and an extension
/// below it gets 403. Ordered: each class includes the ones before it.
/// </summary>
public enum PermissionClass
{
    /// <summary>Extensions, ring groups and features only: no trunk at all.</summary>
    Internal,

    /// <summary>Trunk routes marked national (the default for a trunk route).</summary>
    National,

    /// <summary>Every trunk route, international ones too.</summary>
    International,
}
