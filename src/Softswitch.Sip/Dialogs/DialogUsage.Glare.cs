using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Dialogs;

/// <summary>
/// RFC 3261 §14.1: our re-INVITE answered 491 (the peer's offer crossed ours) goes again after a random wait: 2.1-4 s
/// in 10 ms steps when we made the Call-ID, 0-2 s otherwise, so the two sides do not collide again. The wait is a
/// timer armed under the lock (not an await), so it runs on the session's clock.
/// </summary>
internal sealed partial class DialogUsage
{
    private PendingRequest? _glareWait;
    private ITimer? _glareTimer;

    private void StartGlareWaitLocked(PendingRequest refused)
    {
        StopGlareWaitLocked();
        _glareWait = refused;
        var wait = TimeSpan.FromMilliseconds(10 * (_host.OwnsCallId ? Random.Shared.Next(210, 401) : Random.Shared.Next(0, 201)));
        _glareTimer = _time.CreateTimer(_ => OnGlareWaitOver(refused), null, wait, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The session ended during the wait: the re-INVITE's caller hears 481.</summary>
    private void StopGlareWaitLocked()
    {
        _glareTimer?.Dispose();
        _glareTimer = null;
        if (_glareWait is not { } waiting) return;
        _glareWait = null;
        waiting.Completion.TrySetResult(LocalResponse(SipMethod.Invite, 481));
    }

    private void OnGlareWaitOver(PendingRequest refused)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(_glareWait, refused)) return;
            _glareWait = null;
            _glareTimer?.Dispose();
            _glareTimer = null;
            if (OfferRefusalLocked() is { } status)
            {
                refused.Completion.TrySetResult(LocalResponse(SipMethod.Invite, status));
                return;
            }

            var again = SendLocked(SipMethod.Invite, "application/sdp", refused.Request.Body, null, isRefresh: false,
                refused.GlareRetriesLeft - 1, refused.Completion);
            if (again is null) refused.Completion.TrySetResult(LocalResponse(SipMethod.Invite, 481));
            else _ourOffer = again;
        }
    }
}
