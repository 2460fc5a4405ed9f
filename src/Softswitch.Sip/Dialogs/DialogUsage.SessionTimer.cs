using System.Globalization;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Dialogs;

/// <summary>
/// RFC 4028 session timers. The refresher sends a refresh (UPDATE without SDP when the peer allows UPDATE, else a
/// re-INVITE repeating our last SDP) at half the interval (§10); the other side ends the session with BYE when no
/// refresh came by the interval minus min(32 s, interval/3). The refresher also gives up at the full interval when
/// its refreshes keep failing. Every 2xx to a (re-)INVITE or UPDATE renegotiates and restarts the timer.
/// </summary>
internal sealed partial class DialogUsage
{
    private TimeSpan _sessionInterval;
    private bool _weRefresh;
    private bool _peerAllowsUpdate;
    private ITimer? _refreshTimer;
    private ITimer? _expiryTimer;
    private int _timerGeneration;

    /// <summary>The running session interval, or null when no session timer runs.</summary>
    public TimeSpan? SessionInterval
    {
        get
        {
            lock (_gate) return _sessionInterval > TimeSpan.Zero ? _sessionInterval : null;
        }
    }

    /// <summary>True when we are the refresher of the running session timer.</summary>
    public bool IsRefresher
    {
        get
        {
            lock (_gate) return _weRefresh && _sessionInterval > TimeSpan.Zero;
        }
    }

    private int MinSeSeconds => Math.Max(90, (int)_options.MinSessionExpires.TotalSeconds);

    /// <summary>
    /// RFC 4028 §9, we are the UAS of <paramref name="request"/> (INVITE, re-INVITE or UPDATE) and answer 2xx: with
    /// Session-Expires in the request we keep its interval (lowered to ours, never below its Min-SE, never raised)
    /// and its refresher, choosing the peer (uac) when it left the choice to us and supports timers; without one, a
    /// peer that supports timers gets ours with itself as refresher. A peer that does not support timers cannot be
    /// the refresher, and gets no Require: timer. No Session-Expires and no support: no timer.
    /// </summary>
    public void GrantSessionTimerLocked(SipRequest request, SipResponseBuilder builder)
    {
        if (request.Method == SipMethod.Invite) _peerAllowsUpdate = SessionExpiresValue.Lists(request, "Allow", "UPDATE");
        if (_options.SessionExpires is not { } ours)
        {
            return;
        }

        var peerSupports = SessionExpiresValue.Lists(request, "Supported", "timer") || SessionExpiresValue.Lists(request, "Require", "timer");
        int seconds;
        string refresher;
        if (SessionExpiresValue.Read(request) is { } asked)
        {
            seconds = asked.Seconds;
            var oursSeconds = (int)ours.TotalSeconds;
            if (oursSeconds < seconds) seconds = Math.Min(seconds, Math.Max(oursSeconds, Math.Max(MinSeSeconds, SessionExpiresValue.ReadMinSe(request))));
            refresher = asked.Refresher ?? (peerSupports ? "uac" : "uas");
        }
        else if (peerSupports)
        {
            seconds = (int)ours.TotalSeconds;
            refresher = "uac";
        }
        else
        {
            StopSessionTimerLocked();
            return;
        }

        if (!peerSupports) refresher = "uas";
        builder.AddHeader("Session-Expires", new SessionExpiresValue(seconds, refresher).ToString());
        if (peerSupports) builder.AddHeader("Require", "timer");
        ArmSessionTimerLocked(TimeSpan.FromSeconds(seconds), weRefresh: refresher == "uas");
    }

    /// <summary>
    /// RFC 4028 §7.2, we are the UAC: the 2xx to our (re-)INVITE or UPDATE says the interval and the refresher
    /// (uac is us; when it names none we refresh). Without Session-Expires no timer runs.
    /// </summary>
    public void AcceptSessionTimerLocked(SipResponse response, bool isInvite)
    {
        if (isInvite) _peerAllowsUpdate = SessionExpiresValue.Lists(response, "Allow", "UPDATE");
        if (_options.SessionExpires is null) return;
        if (SessionExpiresValue.Read(response) is not { } granted)
        {
            StopSessionTimerLocked();
            return;
        }

        ArmSessionTimerLocked(TimeSpan.FromSeconds(granted.Seconds), weRefresh: granted.Refresher != "uas");
    }

    /// <summary>Session-Expires and Min-SE for a (re-)INVITE or UPDATE we send: the running interval and roles, or ours when none runs.</summary>
    public void AddSessionTimerRequestHeadersLocked(SipRequestBuilder builder)
    {
        if (_options.SessionExpires is not { } ours) return;
        var value = _sessionInterval > TimeSpan.Zero
            ? new SessionExpiresValue((int)_sessionInterval.TotalSeconds, _weRefresh ? "uac" : "uas")
            : new SessionExpiresValue((int)ours.TotalSeconds, null);
        builder.AddHeader("Session-Expires", value.ToString()).AddHeader("Min-SE", MinSeSeconds.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The Reason header value (RFC 3326) of the BYE that ends a session for <paramref name="cause"/>.</summary>
    public static string ByeReason(SessionEndCause cause) => cause switch
    {
        SessionEndCause.SessionTimerExpired => "SIP;cause=408;text=\"Session timer expired\"",
        SessionEndCause.AckTimeout => "SIP;cause=408;text=\"ACK timeout\"",
        _ => "SIP;cause=408;text=\"No response in dialog\"",
    };

    public void StopSessionTimerLocked()
    {
        _timerGeneration++;
        _sessionInterval = TimeSpan.Zero;
        _refreshTimer?.Dispose();
        _expiryTimer?.Dispose();
        _refreshTimer = null;
        _expiryTimer = null;
    }

    private void ArmSessionTimerLocked(TimeSpan interval, bool weRefresh)
    {
        StopSessionTimerLocked();
        _sessionInterval = interval;
        _weRefresh = weRefresh;
        var generation = _timerGeneration;
        if (weRefresh) _refreshTimer = _time.CreateTimer(_ => OnRefreshDue(generation), null, interval / 2, Timeout.InfiniteTimeSpan);
        var expiry = weRefresh ? interval : interval - TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(32).Ticks, interval.Ticks / 3));
        _expiryTimer = _time.CreateTimer(_ => OnSessionExpired(generation), null, expiry, Timeout.InfiniteTimeSpan);
    }

    private void OnRefreshDue(int generation)
    {
        lock (_gate)
        {
            if (generation != _timerGeneration || !_host.IsEstablished) return;
            SendRefreshLocked();
        }
    }

    /// <summary>UPDATE needs no offer, so it never collides; a re-INVITE waits a second while another exchange is under way.</summary>
    private void SendRefreshLocked()
    {
        if (_peerAllowsUpdate)
        {
            SendLocked(SipMethod.Update, null, default, null, isRefresh: true);
            return;
        }

        if (_ourOffer is not null || _peerOffer is not null || _unacked is not null || LocalSdp.IsEmpty)
        {
            RetryRefreshSoonLocked();
            return;
        }

        _ourOffer = SendLocked(SipMethod.Invite, "application/sdp", LocalSdp, null, isRefresh: true);
    }

    /// <summary>The peer refused our UPDATE refresh as a method it does not serve: refresh with re-INVITE from now on.</summary>
    private void RetryRefreshWithReInviteLocked()
    {
        _peerAllowsUpdate = false;
        if (_refreshTimer is not null) SendRefreshLocked();
    }

    private void RetryRefreshSoonLocked() => _refreshTimer?.Change(TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);

    private void OnSessionExpired(int generation)
    {
        Action? notify;
        lock (_gate)
        {
            if (generation != _timerGeneration || !_host.IsEstablished) return;
            StopSessionTimerLocked();
            notify = _host.End(SessionEndCause.SessionTimerExpired);
        }

        notify?.Invoke();
    }
}
