namespace Softswitch.Ivr.Tests.Support;

/// <summary>One mailbox with a PIN and the messages a test puts in it; remembers what was saved and deleted.</summary>
public sealed class FakeMailboxes(string box, string pin, params MailboxMessage[] messages) : IMailboxAccess
{
    public List<string> Saved { get; } = [];

    public List<string> Deleted { get; } = [];

    public Task<IReadOnlyList<MailboxMessage>?> OpenAsync(string opened, string given, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<MailboxMessage>?>(opened == box && given == pin
            ? messages.Where(m => !Deleted.Contains(m.Id)).Select(m => Saved.Contains(m.Id) ? m with { IsNew = false } : m).ToList()
            : null);

    public Task SaveAsync(MailboxMessage message, CancellationToken cancellationToken = default)
    {
        Saved.Add(message.Id);
        return Task.CompletedTask;
    }

    public Task DeleteAsync(MailboxMessage message, CancellationToken cancellationToken = default)
    {
        Deleted.Add(message.Id);
        return Task.CompletedTask;
    }
}
