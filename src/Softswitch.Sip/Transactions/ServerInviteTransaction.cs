using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Transactions;

/// <summary>
/// RFC 3261 §17.2.1 (figure 7) with RFC 6026's Accepted state: Proceeding → Completed → Confirmed, or
/// Proceeding → Accepted on a 2xx. A 100 Trying goes out as soon as the transaction exists, so the caller
/// stops retransmitting even while the TU thinks. Timer G retransmits a non-2xx final response over UDP
/// until the ACK arrives; Timer H gives up.
/// </summary>
public sealed class ServerInviteTransaction : ServerTransaction
{
    private TimeSpan _timerGInterval;

    internal ServerInviteTransaction(SipRequest request, SipEndPoint source, SipEndPoint responseDestination, TransactionContext context)
        : base(request, source, responseDestination, context, TransactionState.Proceeding)
    {
    }

    /// <summary>The CANCEL for this INVITE arrived (§9.2); the TU decides whether to answer 487.</summary>
    public bool IsCancelled { get; internal set; }

    public override bool SendResponse(int statusCode, ReadOnlyMemory<byte> response)
    {
        lock (Gate)
        {
            if (State == TransactionState.Accepted && statusCode is >= 200 and < 300)
            {
                // RFC 6026 §8.5: the TU's own 2xx retransmissions pass through while Accepted.
            }
            else if (State != TransactionState.Proceeding)
            {
                return false;
            }
            else if (statusCode is >= 200 and < 300)
            {
                State = TransactionState.Accepted;
                Arm(Context.Timers.Timeout64T1, OnTimerL);
            }
            else if (statusCode >= 300)
            {
                State = TransactionState.Completed;
                if (!IsReliable)
                {
                    _timerGInterval = Context.Timers.T1;
                    Arm(_timerGInterval, OnTimerG);
                }

                Arm(Context.Timers.Timeout64T1, OnTimerH);
            }

            LastResponse = response;
            LastStatusCode = statusCode;
        }

        Send(response);
        return true;
    }

    internal override void OnRetransmission(SipRequest request, SipEndPoint source)
    {
        ReadOnlyMemory<byte> resend = default;
        var ackForTheUser = false;
        lock (Gate)
        {
            if (request.Method == SipMethod.Ack)
            {
                // RFC 6026 §7.1: an ACK matching an Accepted transaction (a peer reusing the INVITE's branch, or
                // RFC 2543 matching) is the ACK for our 2xx and belongs to the dialog. Confirmed absorbs repeats.
                ackForTheUser = State == TransactionState.Accepted;
                if (State == TransactionState.Completed)
                {
                    State = TransactionState.Confirmed;
                    DisarmAll();
                    Arm(Context.Timers.T4Unless(IsReliable), OnTimerI);
                }
            }
            else if (State is TransactionState.Proceeding or TransactionState.Completed)
            {
                // A retransmitted INVITE: repeat the last provisional or final response; Accepted absorbs it (RFC 6026 §7.1).
                resend = LastResponse;
            }
        }

        if (ackForTheUser) Context.User.OnAck(request, source);
        if (!resend.IsEmpty) Send(resend);
    }

    private void OnTimerG()
    {
        ReadOnlyMemory<byte> resend;
        lock (Gate)
        {
            if (State != TransactionState.Completed) return;
            resend = LastResponse;
            _timerGInterval = TimeSpan.FromTicks(Math.Min(_timerGInterval.Ticks * 2, Context.Timers.T2.Ticks));
            Arm(_timerGInterval, OnTimerG);
        }

        Send(resend);
    }

    private void OnTimerH()
    {
        bool terminated;
        lock (Gate) terminated = State == TransactionState.Completed && FailLocked();
        if (!terminated) return;
        Remove();
        Context.User.OnServerFailure(this);
    }

    private void OnTimerI() => TerminateQuietly();

    private void OnTimerL() => TerminateQuietly();

    private void TerminateQuietly()
    {
        bool terminated;
        lock (Gate) terminated = TerminateLocked();
        if (terminated) Remove();
    }
}
