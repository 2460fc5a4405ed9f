using Softswitch.Sip.Messages;
using Softswitch.Sip.Stack;
using Softswitch.Sip.Transactions;

namespace Softswitch.Sip.Dialogs;

/// <summary>Requests the callee sends in the confirmed dialog (§12.2.2): BYE ends the call, the rest is answered here.</summary>
public sealed partial class InviteClientSession
{
    private static readonly KeyValuePair<string, string>[] NoReInvites = [new("Warning", "399 - \"re-INVITE not supported on this leg\"")];

    internal void OnRequest(ServerTransaction transaction)
    {
        var request = transaction.Request;
        Action? notify = null;
        lock (_gate)
        {
            if (Dialog is null || request.From.Tag != Dialog.RemoteTag
                || State is not (InviteClientSessionState.Answered or InviteClientSessionState.Confirmed or InviteClientSessionState.Terminating))
            {
                transaction.Respond(481);
                return;
            }

            if (!Dialog.TryAcceptRemoteCSeq(request.CSeq.Number))
            {
                transaction.Respond(500, "CSeq Out of Order");
                return;
            }

            switch (request.Method)
            {
                case SipMethod.Bye:
                    // §15.1.2: 200, then the call is over; if our own BYE was already out, our hang-up is what the owner hears.
                    transaction.Respond(200);
                    notify = FinishLocked(() => _owner.OnEnded(this, InviteClientEnding.RemoteHangup));
                    break;
                case SipMethod.Options or SipMethod.Info:
                    transaction.Respond(200);
                    break;
                case SipMethod.Invite:
                    // §14.2: refusing keeps the session as it was; offer/answer in a calling leg is not served yet.
                    transaction.Respond(488, headers: NoReInvites);
                    break;
                case SipMethod.Unknown:
                    transaction.Respond(501);
                    break;
                default:
                    transaction.Respond(405, headers: [new("Allow", _options.Allow)]);
                    break;
            }
        }

        notify?.Invoke();
    }
}
