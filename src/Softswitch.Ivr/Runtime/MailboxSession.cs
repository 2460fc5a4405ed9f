using System.Globalization;

namespace Softswitch.Ivr.Runtime;

/// <summary>
/// The mailbox a call opened (<c>mailbox: open</c>): its messages as loaded, which one is current, and what this call
/// saved or deleted; the variables the flow reads (<c>mailbox_new</c>, <c>message_caller</c>…) are set from it.
/// </summary>
internal sealed class MailboxSession(string box, IReadOnlyList<MailboxMessage> messages, TimeZoneInfo timeZone)
{
    public const string BoxVariable = "mailbox";
    public const string NewCount = "mailbox_new";
    public const string SavedCount = "mailbox_saved";
    public const string Number = "message_number";
    public const string Caller = "message_caller";
    public const string CallerName = "message_caller_name";
    public const string Date = "message_date";
    public const string Time = "message_time";
    public const string IsNew = "message_new";
    public const string Seconds = "message_seconds";

    private readonly MailboxMessage[] _messages = [.. messages];
    private readonly bool[] _deleted = new bool[messages.Count];
    private int _index;

    public string Box => box;

    /// <summary>The current message; null once it was deleted (until the next) or past the last one.</summary>
    public MailboxMessage? Current => _index < _messages.Length && !_deleted[_index] ? _messages[_index] : null;

    /// <summary>Moves to the following message that is not deleted.</summary>
    public MailboxMessage? MoveNext()
    {
        do _index++;
        while (_index < _messages.Length && _deleted[_index]);
        return Current;
    }

    public void MarkSaved(MailboxMessage message) => _messages[_index] = message with { IsNew = false };

    public void MarkDeleted() => _deleted[_index] = true;

    private IEnumerable<MailboxMessage> Kept => _messages.Where((_, i) => !_deleted[i]);

    /// <summary>Sets the box's counts and the current message's details (empty past the last message).</summary>
    public void Describe(FlowRun run)
    {
        run.Set(BoxVariable, box);
        run.Set(NewCount, Kept.Count(m => m.IsNew).ToString(CultureInfo.InvariantCulture));
        run.Set(SavedCount, Kept.Count(m => !m.IsNew).ToString(CultureInfo.InvariantCulture));
        var current = Current;
        var local = current is null ? default : TimeZoneInfo.ConvertTime(current.Time, timeZone);
        run.Set(Number, current is null ? "" : (_deleted.Take(_index + 1).Count(d => !d)).ToString(CultureInfo.InvariantCulture));
        run.Set(Caller, current?.Caller ?? "");
        run.Set(CallerName, current?.CallerName ?? "");
        run.Set(Date, current is null ? "" : local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        run.Set(Time, current is null ? "" : local.ToString("HH:mm", CultureInfo.InvariantCulture));
        run.Set(IsNew, current is null ? "" : current.IsNew ? "yes" : "no");
        run.Set(Seconds, current is null ? "" : ((int)Math.Round(current.Length.TotalSeconds)).ToString(CultureInfo.InvariantCulture));
    }
}
