using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Transactions;

/// <summary>
/// RFC 3261 §17.1.2 (figure 6): Trying → Proceeding → Completed → Terminated.
/// Timer E retransmits over UDP at T1, 2·T1, … capped at T2 (at T2 once a provisional arrived);
/// Timer F ends it after 64·T1; Timer K absorbs response retransmissions.
/// </summary>
public sealed class ClientNonInviteTransaction : ClientTransaction
{
    private TimeSpan _timerEInterval;

    internal ClientNonInviteTransaction(SipRequest request, ReadOnlyMemory<byte> requestBytes, SipEndPoint destination, TransactionContext context)
        : base(request, requestBytes, destination, context, TransactionState.Trying)
    {
    }

    internal override void Start()
    {
        lock (Gate)
        {
            if (!IsReliable)
            {
                _timerEInterval = Context.Timers.T1;
                Arm(_timerEInterval, OnTimerE);
            }

            Arm(Context.Timers.Timeout64T1, OnTimerF);
        }

        Send(RequestBytes);
    }

    internal override void OnResponse(SipResponse response)
    {
        lock (Gate)
        {
            if (State is not (TransactionState.Trying or TransactionState.Proceeding)) return; // Completed absorbs
            if (response.StatusCode < 200)
            {
                State = TransactionState.Proceeding;
            }
            else
            {
                State = TransactionState.Completed;
                DisarmAll();
                Arm(Context.Timers.T4Unless(IsReliable), TerminateQuietly);
            }
        }

        Context.User.OnResponse(this, response);
    }

    private void OnTimerE()
    {
        lock (Gate)
        {
            if (State is not (TransactionState.Trying or TransactionState.Proceeding)) return;
            _timerEInterval = State == TransactionState.Proceeding
                ? Context.Timers.T2
                : TimeSpan.FromTicks(Math.Min(_timerEInterval.Ticks * 2, Context.Timers.T2.Ticks));
            Arm(_timerEInterval, OnTimerE);
        }

        Send(RequestBytes);
    }

    private void OnTimerF() => TimeOut();
}
