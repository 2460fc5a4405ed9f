using Softswitch.Calls.Presence;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Stack;
using Softswitch.Sip.Transactions;

namespace Softswitch.Calls.Signalling;

/// <summary>
/// SUBSCRIBE: the dialog event package for busy-lamp fields and message-summary for message waiting
/// (<see cref="DialogSubscriptions"/>). Requests in a
/// subscription's dialog reach it before the INVITE sessions (which would answer 481); responses to its NOTIFYs
/// are routed to it by branch before anything else.
/// </summary>
public sealed partial class SipRequestDispatcher
{
    /// <summary>The dialog-event notifier; without one every SUBSCRIBE gets 489 Bad Event.</summary>
    public DialogSubscriptions? Subscriptions { get; init; }

    private void HandleSubscribe(ServerTransaction subscribe)
    {
        if (Subscriptions is not null) Subscriptions.HandleSubscribe(subscribe);
        else if (subscribe.Request.To.Tag is not null) subscribe.Respond(481);
        else subscribe.Respond(489, toTag: SipIds.NewTag());
    }

    private bool TryHandleSubscriptionInDialog(ServerTransaction transaction) => Subscriptions?.TryHandleInDialog(transaction) == true;
}
