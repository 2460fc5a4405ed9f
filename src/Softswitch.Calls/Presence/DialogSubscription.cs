using Softswitch.Sip.Dialogs;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;

namespace Softswitch.Calls.Presence;

/// <summary>
/// One subscription to an extension's dialog state (RFC 6665 notifier side): its dialog, the Event header to echo,
/// the NOTIFY version counter and its expiry. Guarded by <see cref="Gate"/>; <see cref="DialogSubscriptions"/> drives it.
/// </summary>
internal sealed class DialogSubscription
{
    public DialogSubscription(Dialog dialog, string extension, string entity, string eventHeader, SipEndPoint flow, NameAddress localContact)
    {
        Dialog = dialog;
        Extension = extension;
        Entity = entity;
        EventHeader = eventHeader;
        Flow = flow;
        LocalContact = localContact;
    }

    public object Gate { get; } = new();

    public Dialog Dialog { get; }

    /// <summary>The watched extension.</summary>
    public string Extension { get; }

    /// <summary>The watched AOR, the <c>entity</c> of each dialog-info document.</summary>
    public string Entity { get; }

    /// <summary>A message-summary subscription (RFC 3842) to the extension's mailbox rather than a dialog one.</summary>
    public bool IsMessageSummary { get; init; }

    /// <summary>The subscriber's Event header (package and <c>id</c>), repeated in every NOTIFY (RFC 6665 §8.2.1).</summary>
    public string EventHeader { get; }

    /// <summary>
    /// Where the last SUBSCRIBE came from: NOTIFYs go back along it (NAT, TCP connection), as INVITE sessions do; a
    /// refresh from a new NAT mapping moves it.
    /// </summary>
    public SipEndPoint Flow { get; set; }

    public NameAddress LocalContact { get; }

    /// <summary>The <c>version</c> of the next NOTIFY body: 0 first, one more each time (RFC 4235 §4.1.1).</summary>
    public uint NextVersion { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public bool IsTerminated { get; set; }

    /// <summary>A NOTIFY of ours is waiting for its final response; the next one waits in <see cref="Queued"/>.</summary>
    public bool AwaitingResponse { get; set; }

    /// <summary>
    /// The NOTIFY to send once the outstanding one is answered: the latest state only, since each is full state (a burst
    /// of changes while the subscriber is slow becomes one NOTIFY, and one transaction per subscriber at most).
    /// </summary>
    public (string SubscriptionState, IReadOnlyList<DialogActivity> Dialogs)? Queued { get; set; }

    /// <summary>Fires at <see cref="ExpiresAt"/>; re-armed by each refresh.</summary>
    public ITimer? ExpiryTimer { get; set; }
}
