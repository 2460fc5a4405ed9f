using Softswitch.Sip.Transactions;

namespace Softswitch.Sip.Dialogs;

/// <summary>
/// §13.3.1.4: the 2xx to an INVITE is the UAS core's to retransmit, not the transaction's (it may cross UDP hops
/// beyond a TCP first hop, so this runs on every transport): at T1, doubling up to T2, until the ACK with the same
/// CSeq arrives. After 64·T1 without one the dialog is torn down with BYE and the owner hears Failed.
/// </summary>
public sealed partial class InviteServerSession
{
    private ServerTransaction? _unacked;
    private ReadOnlyMemory<byte> _unackedResponse;
    private int _unackedStatus;
    private uint _unackedCSeq;
    private TimeSpan _retransmitInterval;
    private ITimer? _retransmitTimer;
    private ITimer? _giveUpTimer;
    private int _retransmitGeneration;

    private void StartRetransmittingLocked(ServerTransaction transaction, int statusCode, ReadOnlyMemory<byte> response)
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

    private void StopRetransmittingLocked()
    {
        _retransmitGeneration++;
        _retransmitTimer?.Dispose();
        _giveUpTimer?.Dispose();
        _retransmitTimer = null;
        _giveUpTimer = null;
        _unacked = null;
        _unackedResponse = default;
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
        lock (_gate)
        {
            if (generation != _retransmitGeneration || _unacked is null) return;
            StopRetransmittingLocked();
            if (State is not (InviteSessionState.Accepted or InviteSessionState.Confirmed)) return;
            AnswerPendingReInviteLocked(487);
            SendByeLocked();
        }

        _owner.OnFailed(this, InviteSessionFailure.AckTimeout);
    }
}
