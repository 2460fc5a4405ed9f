using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Softswitch.Calls.Presence;
using Softswitch.Channels;
using Softswitch.Ivr;
using Softswitch.Storage.Voicemail;

namespace Softswitch.Voicemail;

/// <summary>
/// The mailboxes: one per extension, a folder of WAV files under the voicemail folder and rows of
/// <c>voicemail_messages</c>. Flows leave messages here (<see cref="IVoicemailDrop"/>) and owners open their box
/// (<see cref="IMailboxAccess"/>); every change of a box's counts is announced to message-waiting subscribers
/// (<see cref="IMessageWaiting"/>), whose counts come from memory (loaded once at start-up by <see cref="LoadAsync"/>).
/// </summary>
/// <param name="isBox">True for the numbers that have a mailbox (every extension).</param>
/// <param name="pinOf">A box's PIN as configured now; null when it has none.</param>
internal sealed partial class VoicemailStore(
    VoicemailRepository repository,
    string folder,
    Func<string, bool> isBox,
    Func<string, string?> pinOf,
    TimeProvider time,
    ILogger<VoicemailStore> logger) : IVoicemailDrop, IMailboxAccess, IMessageWaiting
{
    private readonly ConcurrentDictionary<string, VoicemailCaller> _pending = new(StringComparer.Ordinal);
    private readonly Lock _countsGate = new();
    private readonly Dictionary<string, MessageSummary> _counts = new(StringComparer.Ordinal);
    private Action<string>? _changed;

    /// <summary>The folder messages go under (full path).</summary>
    public string Folder => folder;

    /// <summary>Reads every box's counts (before SIP takes subscriptions).</summary>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        var counts = await repository.CountAsync(cancellationToken).ConfigureAwait(false);
        lock (_countsGate)
        {
            _counts.Clear();
            foreach (var box in counts) _counts[box.Box] = new MessageSummary(box.New, box.Saved);
        }
    }

    public Task<VoicemailMessage?> StartMessageAsync(string box, VoicemailCaller caller, CancellationToken cancellationToken = default)
    {
        if (!IsBox(box)) return Task.FromResult<VoicemailMessage?>(null);
        // Named by time and a random part: sorts by when it was left, never collides, and says nothing about the caller.
        var relative = Path.Combine(box, caller.Time.UtcDateTime.ToString("yyyyMMdd'-'HHmmss'-'", CultureInfo.InvariantCulture)
            + Guid.NewGuid().ToString("N")[..12] + ".wav");
        _pending[relative] = caller;
        return Task.FromResult<VoicemailMessage?>(new VoicemailMessage(box, Path.Combine(folder, relative), relative));
    }

    public async Task FinishMessageAsync(VoicemailMessage message, RecordResult recording, CancellationToken cancellationToken = default)
    {
        if (!_pending.TryRemove(message.Id, out var caller)) return;
        var (length, keep) = File.Exists(message.Path) ? MessageAudio.Inspect(message.Path) : (TimeSpan.Zero, false);
        if (!keep)
        {
            File.Delete(message.Path);
            LogDiscarded(message.Box, length.TotalSeconds, caller.CallUuid);
            return;
        }

        var now = time.GetUtcNow();
        long id;
        try
        {
            id = await repository.AddAsync(new StoredVoicemailMessage(message.Box, caller.Number, caller.Name, caller.CallUuid, caller.Time,
                Math.Round(length.TotalSeconds, 2), message.Id.Replace('\\', '/'), VoicemailState.New, now, now), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or IOException)
        {
            // The caller's flow goes on; the file stays where it is, for an admin to find.
            LogNotStored(message.Box, message.Path, e.Message, caller.CallUuid);
            return;
        }

        LogKept(message.Box, id, caller.Number, length.TotalSeconds, recording.Outcome, caller.CallUuid);
        Change(message.Box, newDelta: 1, oldDelta: 0);
    }

    public async Task<IReadOnlyList<MailboxMessage>?> OpenAsync(string box, string pin, CancellationToken cancellationToken = default)
    {
        var expected = pinOf(box);
        if (string.IsNullOrEmpty(expected) || !FixedTimeEquals(expected, pin))
        {
            LogRefused(box);
            return null;
        }

        var stored = await repository.ListAsync(box, cancellationToken).ConfigureAwait(false);
        return stored.Select(m => new MailboxMessage(m.Box, m.Id.ToString(CultureInfo.InvariantCulture), Path.Combine(folder, m.Path), m.Caller,
            m.CallerName, m.StartedAt, TimeSpan.FromSeconds(m.DurationSeconds), m.State == VoicemailState.New)).ToList();
    }

    public async Task SaveAsync(MailboxMessage message, CancellationToken cancellationToken = default)
    {
        if (!message.IsNew) return;
        if (await repository.SetStateAsync(long.Parse(message.Id, CultureInfo.InvariantCulture), VoicemailState.Saved, time.GetUtcNow(), cancellationToken)
            .ConfigureAwait(false))
        {
            Change(message.Box, newDelta: -1, oldDelta: 1);
        }
    }

    public async Task DeleteAsync(MailboxMessage message, CancellationToken cancellationToken = default)
    {
        if (!await repository.SetStateAsync(long.Parse(message.Id, CultureInfo.InvariantCulture), VoicemailState.Deleted, time.GetUtcNow(), cancellationToken)
            .ConfigureAwait(false)) return;
        File.Delete(message.Path);
        LogDeleted(message.Box, message.Id);
        Change(message.Box, newDelta: message.IsNew ? -1 : 0, oldDelta: message.IsNew ? 0 : -1);
    }

    public bool TryGetSummary(string extension, out MessageSummary summary)
    {
        summary = default;
        if (!IsBox(extension)) return false;
        lock (_countsGate) _counts.TryGetValue(extension, out summary);
        return true;
    }

    public void Observe(Action<string> changed) => _changed += changed;

    private bool IsBox(string box) => box.Length > 0 && isBox(box);

    private void Change(string box, int newDelta, int oldDelta)
    {
        lock (_countsGate)
        {
            var current = _counts.GetValueOrDefault(box);
            _counts[box] = new MessageSummary(Math.Max(0, current.New + newDelta), Math.Max(0, current.Old + oldDelta));
        }

        _changed?.Invoke(box);
    }

    private static bool FixedTimeEquals(string expected, string given) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(expected), System.Text.Encoding.UTF8.GetBytes(given));

    [LoggerMessage(Level = LogLevel.Information, Message = "voicemail for {Box}: message {Id} from {Caller} kept, {Seconds:0.0} s ({Outcome}), call {CallUuid}")]
    private partial void LogKept(string box, long id, string caller, double seconds, RecordOutcome outcome, string callUuid);

    [LoggerMessage(Level = LogLevel.Information, Message = "voicemail for {Box}: empty message discarded ({Seconds:0.0} s, no voice), call {CallUuid}")]
    private partial void LogDiscarded(string box, double seconds, string callUuid);

    [LoggerMessage(Level = LogLevel.Error, Message = "voicemail for {Box}: message {File} could not be stored: {Reason}, call {CallUuid}")]
    private partial void LogNotStored(string box, string file, string reason, string callUuid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "voicemail box {Box}: wrong PIN, or the box has none")]
    private partial void LogRefused(string box);

    [LoggerMessage(Level = LogLevel.Information, Message = "voicemail box {Box}: message {Id} deleted")]
    private partial void LogDeleted(string box, string id);
}
