using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Dialogs;

/// <summary>The calling session as its <see cref="DialogUsage"/> sees it (every member runs under the session's lock).</summary>
public sealed partial class InviteClientSession
{
    private sealed class UsageHost(InviteClientSession session) : IDialogUsageHost
    {
        public Dialog? Dialog => session.Dialog;

        public SipEndPoint Flow => session.Destination;

        public NameAddress LocalContact => session.LocalContact;

        public bool OwnsCallId => true;

        public bool IsEstablished => session.State == InviteClientSessionState.Confirmed;

        /// <summary>A late-offer 2xx still waits for our ACK (an exchange under way): 491; once ending, 481.</summary>
        public int? RefuseOffer() => session.State switch
        {
            InviteClientSessionState.Answered => 491,
            InviteClientSessionState.Confirmed => null,
            _ => 481,
        };

        public Action? End(SessionEndCause cause)
        {
            if (session.State is not (InviteClientSessionState.Answered or InviteClientSessionState.Confirmed)) return null;
            var ending = cause switch
            {
                SessionEndCause.AckTimeout => InviteClientEnding.AckTimeout,
                SessionEndCause.SessionTimerExpired => InviteClientEnding.SessionTimerExpired,
                _ => InviteClientEnding.DialogLost,
            };
            Action notify = () => session._owner.OnEnded(session, ending);
            if (cause == SessionEndCause.DialogGone)
            {
                session._usage.AnswerPendingOfferLocked(487);
                return session.FinishLocked(notify);
            }

            if (session.State == InviteClientSessionState.Answered) session.SendAckLocked(default);
            session._byeReason ??= DialogUsage.ByeReason(cause);
            session._ending = notify;
            return session.SendByeLocked();
        }

        public Action NotifyReInvite(ReadOnlyMemory<byte> offer) => () => session._owner.OnReInvite(session, offer);

        public Action NotifyInfo(string? contentType, ReadOnlyMemory<byte> body) => () => session._owner.OnInfo(session, contentType, body);

        public Action NotifyRequest(InDialogRequest request) => () => session._owner.OnRequest(session, request);
    }
}
