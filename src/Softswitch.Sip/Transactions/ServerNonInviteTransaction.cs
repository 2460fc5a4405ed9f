using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Transactions;

/// <summary>
/// RFC 3261 §17.2.2 (figure 8): Trying → Proceeding → Completed → Terminated.
/// Retransmitted requests get the last response again; Timer J keeps the transaction around
/// long enough to absorb them over UDP.
/// </summary>
public sealed class ServerNonInviteTransaction : ServerTransaction
{
    internal ServerNonInviteTransaction(SipRequest request, SipEndPoint source, SipEndPoint responseDestination, TransactionContext context)
        : base(request, source, responseDestination, context, TransactionState.Trying)
    {
    }

    public override bool SendResponse(int statusCode, ReadOnlyMemory<byte> response)
    {
        lock (Gate)
        {
            if (State is not (TransactionState.Trying or TransactionState.Proceeding)) return false;
            LastResponse = response;
            LastStatusCode = statusCode;
            if (statusCode < 200)
            {
                State = TransactionState.Proceeding;
            }
            else
            {
                State = TransactionState.Completed;
                Arm(Context.Timers.Timeout64T1Unless(IsReliable), OnTimerJ);
            }
        }

        Send(response);
        return true;
    }

    internal override void OnRetransmission(SipRequest request, SipEndPoint source)
    {
        ReadOnlyMemory<byte> resend;
        lock (Gate)
        {
            // In Trying nothing has been sent yet: the retransmission is simply absorbed.
            if (State is not (TransactionState.Proceeding or TransactionState.Completed)) return;
            resend = LastResponse;
        }

        Send(resend);
    }

    private void OnTimerJ()
    {
        bool terminated;
        lock (Gate) terminated = TerminateLocked();
        if (terminated) Remove();
    }
}
