using System.Globalization;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Dialogs;

/// <summary>RFC 4028 on the calling side: Session-Expires and Min-SE on our INVITE, and one retry after 422.</summary>
public sealed partial class InviteClientSession
{
    private int _askedInterval;
    private int _askedMinSe;
    private bool _intervalRaised;
    private KeyValuePair<string, string>? _lastAuthorization;

    /// <summary>§7.1: the interval we ask for (no refresher: the callee chooses) and the smallest we accept.</summary>
    private void AddSessionTimerHeaders(SipRequestBuilder builder)
    {
        if (_options.SessionExpires is not { } ours) return;
        if (_askedInterval == 0)
        {
            _askedMinSe = Math.Max(90, (int)_options.MinSessionExpires.TotalSeconds);
            _askedInterval = Math.Max((int)ours.TotalSeconds, _askedMinSe);
        }

        builder.AddHeader("Session-Expires", _askedInterval.ToString(CultureInfo.InvariantCulture))
            .AddHeader("Min-SE", _askedMinSe.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// §7.4: 422 Session Interval Too Small names the callee's Min-SE; the INVITE goes again once (CSeq + 1, new
    /// branch, same Call-ID and tag) asking for at least that much, with Min-SE raised to it.
    /// </summary>
    private bool TryRaiseIntervalLocked(SipResponse response)
    {
        if (_intervalRaised || _options.SessionExpires is null || State == InviteClientSessionState.Cancelling) return false;
        var minimum = SessionExpiresValue.ReadMinSe(response);
        if (minimum <= 0) return false;
        _intervalRaised = true;
        _askedMinSe = Math.Max(_askedMinSe, minimum);
        _askedInterval = Math.Max(_askedInterval, minimum);
        _provisionalHeard = false;
        Dialog = null;
        _lastRSeq = null;
        State = InviteClientSessionState.Calling;
        SendInviteLocked(_invite!.CSeq.Number + 1, _lastAuthorization);
        return true;
    }
}
