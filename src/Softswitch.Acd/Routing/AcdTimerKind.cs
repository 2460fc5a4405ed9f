namespace Softswitch.Acd.Routing;

internal enum AcdTimerKind
{
    /// <summary>A caller reaches its next relaxation level.</summary>
    Relax,

    /// <summary>A caller has waited the queue's maximum.</summary>
    MaxWait,

    /// <summary>An agent's wrap-up is over.</summary>
    WrapUpEnd,

    /// <summary>An agent's rest after a missed offer is over.</summary>
    RestEnd,

    /// <summary>A virtual caller that did not answer its callback waits in its place again.</summary>
    CallbackRetry,
}
