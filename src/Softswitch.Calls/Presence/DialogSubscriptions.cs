using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Softswitch.Calls.Signalling;
using Softswitch.Sip.Dialogs;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Stack;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;

namespace Softswitch.Calls.Presence;

/// <summary>
/// The notifier of the dialog event package (RFC 6665 + RFC 4235) that busy-lamp fields subscribe to: an
/// authenticated extension SUBSCRIBEs to any extension of our domain (<c>Event: dialog</c>; other packages 489),
/// gets 200 with a subscription dialog and at once a NOTIFY with the full state, then a NOTIFY on each change of that
/// extension on the <see cref="ExtensionActivity"/> board; refresh, unsubscribe (Expires: 0), expiry and a NOTIFY
/// answered 481/408 (or timed out) end it. NOTIFYs are client transactions routed back here by branch
/// (<see cref="OnResponse"/>, <see cref="OnTimeout"/>). Thread-safe: each subscription has its own lock.
/// The same machinery serves message waiting (RFC 3842, <c>Event: message-summary</c>) when the host gives an
/// <see cref="IMessageWaiting"/>: a phone subscribes to its own extension's mailbox (DialogSubscriptions.MessageSummary.cs).
/// </summary>
public sealed partial class DialogSubscriptions : IExtensionActivityObserver, IDisposable
{
    public const string Package = "dialog";

    private readonly ExtensionActivity _board;
    private readonly RequestAuthenticator _authenticator;
    private readonly LocalDomain _domain;
    private readonly Func<string, bool> _isExtension;
    private readonly DialogSubscriptionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DialogSubscriptions> _logger;
    private readonly ConcurrentDictionary<DialogId, DialogSubscription> _byDialog = new();
    private readonly object _watchersGate = new();
    private readonly Dictionary<string, DialogSubscription[]> _watchers = new(StringComparer.Ordinal);
    private TransactionLayer? _transactions;

    /// <param name="isExtension">True for the numbers of our extensions: a SUBSCRIBE for any other gets 404.</param>
    /// <param name="messageWaiting">The mailboxes' counts; without it <c>message-summary</c> gets 489 like any unknown package.</param>
    public DialogSubscriptions(ExtensionActivity board, RequestAuthenticator authenticator, LocalDomain domain, Func<string, bool> isExtension,
        DialogSubscriptionOptions options, TimeProvider time, ILogger<DialogSubscriptions> logger, IMessageWaiting? messageWaiting = null)
    {
        _messageWaiting = messageWaiting;
        _allowEvents = messageWaiting is null ? Package : Package + ", " + MessageSummaryPackage;
        _board = board;
        _authenticator = authenticator;
        _domain = domain;
        _isExtension = isExtension;
        _options = options;
        _time = time;
        _logger = logger;
        board.Observe(this);
        messageWaiting?.Observe(OnMailboxChanged);
    }

    /// <summary>Live subscriptions.</summary>
    public int Count => _byDialog.Count;

    /// <summary>The layer NOTIFYs are sent through; attached once the stack exists (as the session router's is).</summary>
    public void Attach(TransactionLayer transactions) => _transactions = transactions;

    /// <summary>
    /// A SUBSCRIBE that <see cref="TryHandleInDialog"/> did not take: a new subscription (or a one-time fetch with
    /// Expires: 0); with a To tag it names a subscription that is gone (481).
    /// </summary>
    public void HandleSubscribe(ServerTransaction subscribe)
    {
        var request = subscribe.Request;
        if (request.To.Tag is not null)
        {
            subscribe.Respond(481);
            return;
        }

        if (EventPackage(request) is not { } eventHeader)
        {
            subscribe.Respond(489, toTag: SipIds.NewTag(), headers: [new("Allow-Events", _allowEvents)]);
            return;
        }

        if (request.From.Tag is null)
        {
            subscribe.Respond(400, "From Has No Tag", toTag: SipIds.NewTag()); // a dialog needs it (§8.1.1.3)
            return;
        }

        if (!request.RequestUri.IsSip || !_domain.IsOurs(request.RequestUri.Host))
        {
            subscribe.Respond(404, "Domain Not Served Here", toTag: SipIds.NewTag());
            return;
        }

        var subscriber = request.From.Uri.User;
        var authentication = _authenticator.Authenticate(subscribe, subscriber, proxyChallenge: false);
        if (!authentication.IsAuthenticated)
        {
            if (authentication.Status == RequestAuthenticationStatus.Forbidden) LogRefused(request.CallId, subscriber ?? "-", subscribe.Source.ToString(), authentication.Detail);
            return;
        }

        var watched = request.RequestUri.User;
        var isMessageSummary = IsMessageSummary(eventHeader);
        if (string.IsNullOrEmpty(watched) || !(isMessageSummary ? HasMailbox(watched) : _isExtension(watched)))
        {
            subscribe.Respond(404, toTag: SipIds.NewTag());
            return;
        }

        if (isMessageSummary && !string.Equals(watched, subscriber, StringComparison.Ordinal))
        {
            subscribe.Respond(403, "Not Your Mailbox", toTag: SipIds.NewTag()); // a phone hears of its own messages only
            return;
        }

        var contentType = isMessageSummary ? MessageSummaryDocument.ContentType : DialogInfoDocument.ContentType;
        if (!Accepts(request, contentType))
        {
            subscribe.Respond(406, toTag: SipIds.NewTag(), headers: [new("Accept", contentType)]);
            return;
        }

        if (!TryGrant(subscribe, out var expires)) return;

        // The tag the 401 carried (ToTags), as INVITE sessions do; a random one if that dialog is still live.
        var tag = ToTags.For(request);
        if (_byDialog.ContainsKey(new DialogId(request.CallId, tag, request.From.Tag ?? ""))) tag = SipIds.NewTag();
        var entity = new SipUri("sip", watched, _options.Domain, null).ToString();
        var subscription = new DialogSubscription(Dialog.CreateUas(request, tag), watched, entity, eventHeader, subscribe.Source,
            new NameAddress(ContactUri(watched, subscribe.Source.Transport)))
        {
            IsMessageSummary = isMessageSummary,
        };
        subscribe.Respond(200, toTag: tag, headers: SuccessHeaders(subscription, expires));
        LogSubscribed(request.CallId, isMessageSummary ? MessageSummaryPackage : Package, subscriber!, watched, expires, subscribe.Source.ToString());
        if (expires == 0)
        {
            // A fetch (RFC 6665 §4.4.3): the state once, and no subscription left behind.
            lock (subscription.Gate) TerminateLocked(subscription, "terminated;reason=timeout", StateOf(subscription));
            return;
        }

        lock (subscription.Gate)
        {
            subscription.ExpiresAt = _time.GetUtcNow().AddSeconds(expires);
            subscription.ExpiryTimer = _time.CreateTimer(static state => ((Expiry)state!).Fire(), new Expiry(this, subscription),
                TimeSpan.FromSeconds(expires), Timeout.InfiniteTimeSpan);
            _byDialog[subscription.Dialog.Id] = subscription;
            AddWatcher(subscription);
            // The board's state read under the subscription's lock: a change racing with it is sent after, never before.
            SendNotifyLocked(subscription, ActiveState(subscription), StateOf(subscription));
        }
    }

    /// <summary>
    /// A request in one of our subscription dialogs: a SUBSCRIBE refreshes or ends it (RFC 6665 §4.2.1.2); any other
    /// method is not served there (405). False when the request names no subscription of ours. A refresh is not
    /// challenged again: the dialog (Call-ID and both tags, ours unguessable) was made by an authenticated one.
    /// </summary>
    public bool TryHandleInDialog(ServerTransaction transaction)
    {
        var request = transaction.Request;
        if (DialogId.ForIncoming(request) is not { } id || !_byDialog.TryGetValue(id, out var subscription)) return false;
        if (request.Method != SipMethod.Subscribe)
        {
            transaction.Respond(405, headers: [new("Allow", "SUBSCRIBE")]);
            return true;
        }

        if (EventPackage(request) is not { } eventHeader || !string.Equals(eventHeader, subscription.EventHeader, StringComparison.OrdinalIgnoreCase))
        {
            transaction.Respond(489, headers: [new("Allow-Events", _allowEvents)]);
            return true;
        }

        lock (subscription.Gate)
        {
            if (subscription.IsTerminated)
            {
                transaction.Respond(481);
                return true;
            }

            if (!subscription.Dialog.TryAcceptRemoteCSeq(request.CSeq.Number))
            {
                transaction.Respond(500, "CSeq Out Of Order");
                return true;
            }

            if (!TryGrant(transaction, out var expires)) return true;
            subscription.Dialog.RefreshRemoteTarget(request);
            subscription.Flow = transaction.Source;
            transaction.Respond(200, headers: SuccessHeaders(subscription, expires));
            if (expires == 0)
            {
                LogUnsubscribed(request.CallId, subscription.Extension);
                TerminateLocked(subscription, "terminated", StateOf(subscription));
                return true;
            }

            subscription.ExpiresAt = _time.GetUtcNow().AddSeconds(expires);
            subscription.ExpiryTimer?.Change(TimeSpan.FromSeconds(expires), Timeout.InfiniteTimeSpan);
            SendNotifyLocked(subscription, ActiveState(subscription), StateOf(subscription));
        }

        return true;
    }

    /// <summary>
    /// The Expires the subscriber gets: its own (or the default), shortened to the maximum; 0 is kept (unsubscribe or
    /// fetch). Too short → 423 with Min-Expires, and false.
    /// </summary>
    private bool TryGrant(ServerTransaction transaction, out int expires)
    {
        expires = transaction.Request.Expires ?? _options.DefaultExpires;
        if (expires > 0 && expires < _options.MinExpires)
        {
            transaction.Respond(423, toTag: transaction.Request.To.Tag is null ? SipIds.NewTag() : null,
                headers: [new("Min-Expires", _options.MinExpires.ToString(CultureInfo.InvariantCulture))]);
            return false;
        }

        expires = Math.Min(expires, _options.MaxExpires);
        return true;
    }

    private List<KeyValuePair<string, string>> SuccessHeaders(DialogSubscription subscription, int expires) =>
    [
        new("Contact", subscription.LocalContact.ToString()),
        new("Expires", expires.ToString(CultureInfo.InvariantCulture)),
        new("Allow-Events", _allowEvents),
    ];

    /// <summary>
    /// The Event header when it names a package we serve (dialog; message-summary with mailboxes), its parameters
    /// kept; else null.
    /// </summary>
    private string? EventPackage(SipRequest request)
    {
        var value = request.GetFirstHeaderValue(SipHeaderId.Event)?.Trim();
        if (string.IsNullOrEmpty(value)) return null;
        if (string.Equals(PackageName(value), Package, StringComparison.OrdinalIgnoreCase)) return value;
        return _messageWaiting is not null && IsMessageSummary(value) ? value : null;
    }

    private static string PackageName(string eventHeader)
    {
        var semicolon = eventHeader.IndexOf(';', StringComparison.Ordinal);
        return (semicolon < 0 ? eventHeader : eventHeader[..semicolon]).Trim();
    }

    /// <summary>No Accept means the package's default (RFC 6665 §4.1.2.1); otherwise the package's body type must be acceptable.</summary>
    private static bool Accepts(SipRequest request, string contentType)
    {
        var accepted = request.GetHeaderValues(SipHeaderId.Accept);
        if (accepted.Count == 0) return true;
        foreach (var value in accepted)
        {
            var type = value.Split(';')[0].Trim();
            if (type.Equals(contentType, StringComparison.OrdinalIgnoreCase) || type is "*/*" or "application/*") return true;
        }

        return false;
    }

    private SipUri ContactUri(string user, SipTransportKind transport)
    {
        var uri = new SipUri("sip", user, _options.LocalHost, _options.LocalPort);
        return transport == SipTransportKind.Tcp ? uri.WithParameter("transport", "tcp") : uri;
    }

    private string ActiveState(DialogSubscription subscription)
    {
        var remaining = Math.Max(0, (int)Math.Ceiling((subscription.ExpiresAt - _time.GetUtcNow()).TotalSeconds));
        return "active;expires=" + remaining.ToString(CultureInfo.InvariantCulture);
    }

    private void AddWatcher(DialogSubscription subscription)
    {
        lock (_watchersGate)
        {
            var watchers = WatchersFor(subscription);
            var current = watchers.GetValueOrDefault(subscription.Extension) ?? [];
            watchers[subscription.Extension] = [.. current, subscription];
        }
    }

    private void RemoveWatcher(DialogSubscription subscription)
    {
        lock (_watchersGate)
        {
            var watchers = WatchersFor(subscription);
            if (!watchers.TryGetValue(subscription.Extension, out var current)) return;
            var remaining = current.Where(s => !ReferenceEquals(s, subscription)).ToArray();
            if (remaining.Length == 0) watchers.Remove(subscription.Extension);
            else watchers[subscription.Extension] = remaining;
        }
    }

    private Dictionary<string, DialogSubscription[]> WatchersFor(DialogSubscription subscription) =>
        subscription.IsMessageSummary ? _mailboxWatchers : _watchers;

    /// <summary>Whether any subscription watches <paramref name="extension"/> (the board copies its dialogs only then).</summary>
    public bool Watches(string extension)
    {
        lock (_watchersGate) return _watchers.ContainsKey(extension);
    }

    private DialogSubscription[] WatchersOf(string extension)
    {
        lock (_watchersGate) return _watchers.GetValueOrDefault(extension) ?? [];
    }

    public void Dispose()
    {
        foreach (var subscription in _byDialog.Values) subscription.ExpiryTimer?.Dispose();
        _byDialog.Clear();
    }

    /// <summary>The state of a subscription's expiry timer callback (no closure per subscription beyond this).</summary>
    private sealed record Expiry(DialogSubscriptions Owner, DialogSubscription Subscription)
    {
        public void Fire()
        {
            try
            {
                Owner.Expire(Subscription);
            }
            catch (ObjectDisposedException)
            {
                // The stack stopped under an expiry racing with shutdown: nothing to tell anyone.
            }
        }
    }
}
