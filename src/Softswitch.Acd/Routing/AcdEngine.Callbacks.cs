namespace Softswitch.Acd.Routing;

/// <summary>
/// Virtual hold: a waiting caller asks to be called back and hangs up, but stays in the queue as a virtual caller in
/// its original place (priority, entry time), offered to agents like any caller. The call side dials the agent, then
/// the caller: answered is <see cref="OfferAnswered"/> as usual; a caller who does not answer goes back to its place
/// after a pause (<see cref="CallbackNotReached"/>) without counting against the agent.
/// </summary>
public sealed partial class AcdEngine
{
    /// <summary>
    /// The caller <paramref name="callId"/> becomes a virtual caller. False when it is in no queue, or an agent is being
    /// offered it right now (that offer goes on: the caller is about to be connected anyway).
    /// </summary>
    public bool RequestCallback(string callId)
    {
        if (!_callers.TryGetValue(callId, out var caller) || caller.Offers.Count > 0) return false;
        caller.Callback = true;
        return true;
    }

    /// <summary>
    /// The agent of <paramref name="offerId"/> took the callback but the caller did not answer (or the agent's leg
    /// failed): the agent is free again with no miss counted, and the virtual caller waits in its original place from
    /// <paramref name="retryAfter"/> on. False when the offer is no longer open.
    /// </summary>
    public bool CallbackNotReached(long offerId, TimeSpan retryAfter)
    {
        if (!TryCloseOffer(offerId, out var offer)) return false;
        var caller = offer.Caller;
        ReleaseAgent(offer.Agent);
        if (!caller.Present || caller.Offers.Count > 0) return true;
        if (retryAfter <= TimeSpan.Zero)
        {
            Place(caller);
            return true;
        }

        caller.RetryDueTicks = NowTicks() + retryAfter.Ticks;
        Arm(new AcdTimer(AcdTimerKind.CallbackRetry, caller, null, 0, caller.RetryDueTicks));
        return true;
    }

    /// <summary>The pause after a callback nobody answered is over: the virtual caller waits in its place again.</summary>
    private void RetryCallback(CallerRecord caller, long dueTicks)
    {
        if (!caller.Present || caller.Waiting || caller.Offers.Count > 0 || caller.RetryDueTicks != dueTicks) return;
        caller.RetryDueTicks = 0;
        Place(caller);
    }
}
