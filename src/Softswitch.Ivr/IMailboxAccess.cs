namespace Softswitch.Ivr;

/// <summary>
/// A mailbox opened by its owner (<c>mailbox</c> nodes: voicemail access on <c>*97</c>). The host implements it over
/// storage; saving or deleting a message also updates the owner's message-waiting lamp.
/// </summary>
public interface IMailboxAccess
{
    /// <summary>
    /// The box's messages (new ones first, oldest first within each) when <paramref name="pin"/> opens it; null when the
    /// box does not exist, has no PIN (no access by phone), or the PIN is wrong.
    /// </summary>
    Task<IReadOnlyList<MailboxMessage>?> OpenAsync(string box, string pin, CancellationToken cancellationToken = default);

    /// <summary>Keeps a message as heard (a new one becomes saved).</summary>
    Task SaveAsync(MailboxMessage message, CancellationToken cancellationToken = default);

    /// <summary>Deletes a message (its file with it).</summary>
    Task DeleteAsync(MailboxMessage message, CancellationToken cancellationToken = default);
}
