namespace Softswitch.Calls.Presence;

/// <summary>
/// The mailboxes the message-summary package reports on (RFC 3842). The host implements it over its voicemail store:
/// counts are read from memory under a subscription's lock, so they must be cheap and never wait for the disk.
/// </summary>
public interface IMessageWaiting
{
    /// <summary>The counts of <paramref name="extension"/>'s mailbox; false when it has none (a SUBSCRIBE for it gets 404).</summary>
    bool TryGetSummary(string extension, out MessageSummary summary);

    /// <summary>Calls <paramref name="changed"/> with a mailbox's extension each time its counts change (any thread).</summary>
    void Observe(Action<string> changed);
}
