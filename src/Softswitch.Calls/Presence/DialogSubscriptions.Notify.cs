using System.Collections.Concurrent;
using Softswitch.Sip.Dialogs;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Stack;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;

namespace Softswitch.Calls.Presence;

/// <summary>The NOTIFY side: one per change of the watched extension, the final one, and what their responses mean.</summary>
public sealed partial class DialogSubscriptions
{
    private readonly ConcurrentDictionary<string, DialogSubscription> _byBranch = new(StringComparer.Ordinal);

    /// <summary>A change on the board: each subscription to that extension gets a NOTIFY with the state right after it.</summary>
    public void OnActivity(ExtensionActivityChange change)
    {
        foreach (var subscription in WatchersOf(change.Extension))
        {
            lock (subscription.Gate)
            {
                if (!subscription.IsTerminated) SendNotifyLocked(subscription, ActiveState(subscription), change.Dialogs);
            }
        }
    }

    /// <summary>A response to one of our NOTIFYs. 481, 408 (RFC 6665 §4.2.2) end the subscription. False for other transactions.</summary>
    public bool OnResponse(ClientTransaction transaction, SipResponse response)
    {
        if (response.IsProvisional) return _byBranch.ContainsKey(transaction.Key.Branch);
        if (!_byBranch.TryRemove(transaction.Key.Branch, out var subscription)) return false;
        if (response.StatusCode is 481 or 408)
        {
            LogNotifyRefused(response.CallId, subscription.Extension, response.StatusCode);
            End(subscription);
            return true;
        }

        lock (subscription.Gate)
        {
            subscription.AwaitingResponse = false;
            if (subscription.Queued is { } next)
            {
                subscription.Queued = null;
                SendNotifyLocked(subscription, next.SubscriptionState, next.Dialogs);
            }
        }

        return true;
    }

    /// <summary>A NOTIFY got no response at all (Timer F) or could not be sent: the subscriber is gone.</summary>
    public bool OnTimeout(ClientTransaction transaction)
    {
        if (!_byBranch.TryRemove(transaction.Key.Branch, out var subscription)) return false;
        LogNotifyTimedOut(transaction.Request.CallId, subscription.Extension);
        End(subscription);
        return true;
    }

    /// <summary>The expiry timer fired without a refresh: the final NOTIFY says so (reason=timeout).</summary>
    private void Expire(DialogSubscription subscription)
    {
        lock (subscription.Gate)
        {
            if (subscription.IsTerminated || _time.GetUtcNow() < subscription.ExpiresAt) return;
            LogExpired(subscription.Dialog.CallId, subscription.Extension);
            TerminateLocked(subscription, "terminated;reason=timeout", StateOf(subscription));
        }
    }

    /// <summary>The final NOTIFY (Subscription-State: terminated) with the state as it is, then the subscription is gone.</summary>
    private void TerminateLocked(DialogSubscription subscription, string state, IReadOnlyList<DialogActivity> dialogs)
    {
        SendNotifyLocked(subscription, state, dialogs);
        EndLocked(subscription);
    }

    /// <summary>The subscriber is gone: nothing more is sent, not even a queued NOTIFY.</summary>
    private void End(DialogSubscription subscription)
    {
        lock (subscription.Gate)
        {
            subscription.Queued = null;
            EndLocked(subscription);
        }
    }

    private void EndLocked(DialogSubscription subscription)
    {
        if (subscription.IsTerminated) return;
        subscription.IsTerminated = true;
        subscription.ExpiryTimer?.Dispose();
        _byDialog.TryRemove(new KeyValuePair<DialogId, DialogSubscription>(subscription.Dialog.Id, subscription));
        RemoveWatcher(subscription);
    }

    /// <summary>
    /// A NOTIFY in the subscription's dialog (next CSeq, next version), sent in a client transaction whose outcome
    /// comes back by branch; while one is unanswered the newest state waits (<see cref="DialogSubscription.Queued"/>),
    /// so NOTIFYs reach the subscriber one at a time and in order. Under the subscription's lock.
    /// </summary>
    private void SendNotifyLocked(DialogSubscription subscription, string subscriptionState, IReadOnlyList<DialogActivity> dialogs)
    {
        if (_transactions is not { } transactions) return;
        if (subscription.AwaitingResponse)
        {
            subscription.Queued = (subscriptionState, dialogs);
            return;
        }

        var (contentType, body) = subscription.IsMessageSummary
            ? (MessageSummaryDocument.ContentType, MessageSummaryDocument.Write(subscription.Entity, SummaryOf(subscription.Extension)))
            : (DialogInfoDocument.ContentType, DialogInfoDocument.Write(subscription.Entity, subscription.NextVersion++, dialogs));
        var via = ViaHeader.Create(subscription.Flow.Transport == SipTransportKind.Tcp ? "TCP" : "UDP", _options.LocalHost, _options.LocalPort,
            SipIds.NewBranch());
        var bytes = subscription.Dialog.CreateRequest(SipMethod.Notify, via, subscription.LocalContact)
            .AddHeader("Event", subscription.EventHeader)
            .AddHeader("Subscription-State", subscriptionState)
            .AddHeader("User-Agent", SipServer.Name)
            .WithBody(contentType, body)
            .ToBytes();
        if (SipMessageParser.TryParse(bytes, out var parsed, out _) != SipParseStatus.Ok || parsed is not SipRequest request) return;
        subscription.AwaitingResponse = true;
        _byBranch[via.Branch!] = subscription;
        transactions.SendRequest(request, bytes, subscription.Flow);
    }
}
