using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Transactions;

/// <summary>
/// RFC 3261 §17.1.1 (figure 5) with RFC 6026's Accepted state: Calling → Proceeding → Completed or Accepted.
/// Timer A retransmits the INVITE over UDP at T1, 2·T1, 4·T1 … (no T2 cap); Timer B gives up after 64·T1
/// while still Calling. A non-2xx final response is acknowledged here (§17.1.1.3); a 2xx goes to the TU,
/// whose dialog sends its own ACK, and further 2xx are passed up while Accepted (Timer M).
/// </summary>
public sealed class ClientInviteTransaction : ClientTransaction
{
    private readonly Func<SipRequest, SipResponse, ReadOnlyMemory<byte>> _buildAck;
    private TimeSpan _timerAInterval;
    private ReadOnlyMemory<byte> _ack;

    internal ClientInviteTransaction(SipRequest request, ReadOnlyMemory<byte> requestBytes, SipEndPoint destination,
        TransactionContext context, Func<SipRequest, SipResponse, ReadOnlyMemory<byte>> buildAck)
        : base(request, requestBytes, destination, context, TransactionState.Calling)
    {
        _buildAck = buildAck;
    }

    internal override void Start()
    {
        lock (Gate)
        {
            if (!IsReliable)
            {
                _timerAInterval = Context.Timers.T1;
                Arm(_timerAInterval, OnTimerA);
            }

            Arm(Context.Timers.Timeout64T1, OnTimerB);
        }

        Send(RequestBytes);
    }

    internal override void OnResponse(SipResponse response)
    {
        ReadOnlyMemory<byte> ack = default;
        var deliver = true;
        lock (Gate)
        {
            switch (State)
            {
                case TransactionState.Calling or TransactionState.Proceeding when response.StatusCode < 200:
                    if (State == TransactionState.Calling) DisarmAll(); // no Timer A or B once the callee is heard
                    State = TransactionState.Proceeding;
                    break;
                case TransactionState.Calling or TransactionState.Proceeding when response.StatusCode < 300:
                    State = TransactionState.Accepted;
                    DisarmAll();
                    Arm(Context.Timers.Timeout64T1, TerminateQuietly);
                    break;
                case TransactionState.Calling or TransactionState.Proceeding:
                    State = TransactionState.Completed;
                    DisarmAll();
                    _ack = _buildAck(Request, response);
                    ack = _ack;
                    Arm(TransactionTimerOptions.TimerD(IsReliable), TerminateQuietly);
                    break;
                case TransactionState.Completed:
                    ack = _ack; // a retransmitted final response: ACK again, do not tell the TU twice
                    deliver = false;
                    break;
                case TransactionState.Accepted:
                    deliver = response.StatusCode is >= 200 and < 300;
                    break;
                default:
                    deliver = false;
                    break;
            }
        }

        if (!ack.IsEmpty) Send(ack);
        if (deliver) Context.User.OnResponse(this, response);
    }

    private void OnTimerA()
    {
        lock (Gate)
        {
            if (State != TransactionState.Calling) return;
            _timerAInterval *= 2;
            Arm(_timerAInterval, OnTimerA);
        }

        Send(RequestBytes);
    }

    private void OnTimerB()
    {
        lock (Gate)
        {
            if (State != TransactionState.Calling) return;
        }

        TimeOut();
    }
}
