namespace Softswitch.Calls.Presence;

/// <summary>
/// Message waiting (RFC 3842): <c>Event: message-summary</c> subscriptions to a phone's own mailbox share the dialog
/// package's machinery (grant, refresh, expiry, one NOTIFY in flight); their NOTIFY carries the box's counts as they are
/// when it is sent, so a burst of changes while the phone is slow still ends on the latest counts.
/// </summary>
public sealed partial class DialogSubscriptions
{
    public const string MessageSummaryPackage = "message-summary";

    private readonly IMessageWaiting? _messageWaiting;
    private readonly string _allowEvents;
    private readonly Dictionary<string, DialogSubscription[]> _mailboxWatchers = new(StringComparer.Ordinal);

    /// <summary>A mailbox's counts changed (a message left, heard, saved or deleted): its subscribers get a NOTIFY.</summary>
    public void OnMailboxChanged(string extension)
    {
        DialogSubscription[] watchers;
        lock (_watchersGate) watchers = _mailboxWatchers.GetValueOrDefault(extension) ?? [];
        foreach (var subscription in watchers)
        {
            lock (subscription.Gate)
            {
                if (!subscription.IsTerminated) SendNotifyLocked(subscription, ActiveState(subscription), []);
            }
        }
    }

    private static bool IsMessageSummary(string eventHeader) =>
        string.Equals(PackageName(eventHeader), MessageSummaryPackage, StringComparison.OrdinalIgnoreCase);

    private bool HasMailbox(string extension) => _messageWaiting?.TryGetSummary(extension, out _) == true;

    private MessageSummary SummaryOf(string extension) =>
        _messageWaiting is not null && _messageWaiting.TryGetSummary(extension, out var summary) ? summary : default;

    /// <summary>What a NOTIFY of this subscription reports on: the extension's dialogs, or nothing (the body reads the mailbox).</summary>
    private IReadOnlyList<DialogActivity> StateOf(DialogSubscription subscription) =>
        subscription.IsMessageSummary ? [] : _board.Snapshot(subscription.Extension);
}
