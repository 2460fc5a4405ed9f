using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;

namespace Softswitch.Sip.Dialogs;

/// <summary>
/// §13.3.1.4: the 2xx to an INVITE (the first one or a re-INVITE) is the UAS core's to retransmit, not the
/// transaction's (it may cross UDP hops beyond a TCP first hop, so this runs on every transport): at T1, doubling
/// up to T2, until the ACK with the same CSeq arrives. After 64·T1 without one the session ends with BYE (§14.2).
/// </summary>
internal sealed partial class DialogUsage
{
    private ServerTransaction? _unacked;
    private ReadOnlyMemory<byte> _unackedResponse;
    private int _unackedStatus;
    private uint _unackedCSeq;
    private TimeSpan _retransmitInterval;
    private ITimer? _retransmitTimer;
    private ITimer? _giveUpTimer;
    private int _retransmitGeneration;

    /// <summary>True while a 2xx of ours waits for its ACK.</summary>
    public bool AwaitsAck => _unacked is not null;

    /// <summary>Whether <paramref name="transaction"/> is the one whose 2xx is being retransmitted.</summary>
    public bool IsUnacked(ServerTransaction transaction) => ReferenceEquals(transaction, _unacked);

    public void StartRetransmittingLocked(ServerTransaction transaction, int statusCode, ReadOnlyMemory<byte> response)
    {
        StopRetransmittingLocked();
        _unacked = transaction;
        _unackedResponse = response;
        _unackedStatus = statusCode;
        _unackedCSeq = transaction.Request.CSeq.Number;
        _retransmitInterval = _options.Timers.T1;
        var generation = _retransmitGeneration;

        // The callbacks carry the generation so a timer that fires just as it is stopped cannot touch a later 2xx.
        _retransmitTimer = _time.CreateTimer(_ => OnRetransmitTimer(generation), null, _retransmitInterval, Timeout.InfiniteTimeSpan);
        _giveUpTimer = _time.CreateTimer(_ => OnGiveUpTimer(generation), null, _options.Timers.Timeout64T1, Timeout.InfiniteTimeSpan);
    }

    public void StopRetransmittingLocked()
    {
        _retransmitGeneration++;
        _retransmitTimer?.Dispose();
        _giveUpTimer?.Dispose();
        _retransmitTimer = null;
        _giveUpTimer = null;
        _unacked = null;
        _unackedResponse = default;
    }

    /// <summary>An ACK in the dialog: true when it acknowledges the 2xx being retransmitted (a late copy is false).</summary>
    public bool TryAcceptAckLocked(SipRequest ack)
    {
        if (_unacked is null || ack.CSeq.Number != _unackedCSeq) return false;
        StopRetransmittingLocked();
        return true;
    }

    private void OnRetransmitTimer(int generation)
    {
        lock (_gate)
        {
            if (generation != _retransmitGeneration || _unacked is null) return;
            _unacked.SendResponse(_unackedStatus, _unackedResponse);
            _retransmitInterval = TimeSpan.FromTicks(Math.Min(_retransmitInterval.Ticks * 2, _options.Timers.T2.Ticks));
            _retransmitTimer?.Change(_retransmitInterval, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnGiveUpTimer(int generation)
    {
        Action? notify;
        lock (_gate)
        {
            if (generation != _retransmitGeneration || _unacked is null) return;
            StopRetransmittingLocked();
            notify = _host.End(SessionEndCause.AckTimeout);
        }

        notify?.Invoke();
    }
}
