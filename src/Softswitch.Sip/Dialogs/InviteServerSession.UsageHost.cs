using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Dialogs;

/// <summary>The answering session as its <see cref="DialogUsage"/> sees it (every member runs under the session's lock).</summary>
public sealed partial class InviteServerSession
{
    private sealed class UsageHost(InviteServerSession session) : IDialogUsageHost
    {
        public Dialog? Dialog => session.Dialog;

        public SipEndPoint Flow => session.Flow;

        public NameAddress LocalContact => session.LocalContact;

        public bool OwnsCallId => false;

        public bool IsEstablished => session.State == InviteSessionState.Confirmed;

        /// <summary>§14.2: before our final response to the INVITE, 500 with Retry-After; once ending, 481.</summary>
        public int? RefuseOffer() => session.State switch
        {
            InviteSessionState.Incoming or InviteSessionState.Ringing => 500,
            InviteSessionState.Terminating or InviteSessionState.Terminated => 481,
            _ => null,
        };

        public Action? End(SessionEndCause cause)
        {
            if (session.State is not (InviteSessionState.Accepted or InviteSessionState.Confirmed)) return null;
            session._usage.AnswerPendingOfferLocked(487);
            session._usage.StopRetransmittingLocked();
            if (cause == SessionEndCause.DialogGone)
            {
                session.FinishLocked();
            }
            else
            {
                session._byeReason ??= DialogUsage.ByeReason(cause);
                session.SendByeLocked();
            }

            var failure = cause switch
            {
                SessionEndCause.AckTimeout => InviteSessionFailure.AckTimeout,
                SessionEndCause.SessionTimerExpired => InviteSessionFailure.SessionTimerExpired,
                _ => InviteSessionFailure.DialogLost,
            };
            return () => session._owner.OnFailed(session, failure);
        }

        public Action NotifyReInvite(ReadOnlyMemory<byte> offer) => () => session._owner.OnReInvite(session, offer);

        public Action NotifyInfo(string? contentType, ReadOnlyMemory<byte> body) => () => session._owner.OnInfo(session, contentType, body);

        public Action NotifyRequest(InDialogRequest request) => () => session._owner.OnRequest(session, request);
    }
}
