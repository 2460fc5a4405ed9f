namespace Softswitch.Acd.Routing;

/// <summary>One thing the engine decided, taken by the call side with <see cref="AcdEngine.TryTakeDecision"/>.</summary>
/// <param name="Kind">What to do.</param>
/// <param name="CallId">The caller (the call id given to <see cref="AcdEngine.Enqueue"/>); null for <see cref="AcdDecisionKind.AgentPaused"/>.</param>
/// <param name="Queue">The queue's name.</param>
/// <param name="AgentId">The agent of an offer, a cancel or a pause.</param>
/// <param name="OfferId">The offer to report with <see cref="AcdEngine.OfferAnswered"/> / <see cref="AcdEngine.OfferFailed"/>.</param>
/// <param name="RingTimeout">How long to ring the agent (offers).</param>
/// <param name="Destination">The queue's overflow destination (overflows; null: none configured).</param>
/// <param name="Reason">Why the caller overflowed.</param>
/// <param name="PauseReason">The reason code of an engine pause.</param>
public readonly record struct AcdDecision(
    AcdDecisionKind Kind,
    string? CallId,
    string Queue,
    string? AgentId,
    long OfferId,
    TimeSpan RingTimeout,
    string? Destination,
    OverflowReason Reason,
    string? PauseReason);
