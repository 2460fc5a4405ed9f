using Softswitch.Channels;
using Softswitch.Ivr.Loading;
using Softswitch.Ivr.Runtime;

namespace Softswitch.Ivr.Flows;

/// <summary>
/// <c>mailbox: open</c> (with <c>box</c>, <c>pin</c>, <c>time_zone</c>), then <c>mailbox: play</c>, <c>next</c>,
/// <c>save</c>, <c>delete</c> on the current message: voicemail access written as a flow. Each sets the
/// <c>mailbox_*</c> and <c>message_*</c> variables, then goes to <c>next</c>; <c>on_failure</c> when the box did not open,
/// <c>on_empty</c> when there is no (more) message to act on.
/// </summary>
public sealed class MailboxNode(string name, SourcePosition position, MailboxSettings settings) : FlowNode(name, position)
{
    public override string Kind => "mailbox";

    public MailboxSettings Settings => settings;

    public override IEnumerable<NodeReference> Exits => Present(settings.Next, settings.OnFailure, settings.OnEmpty);

    internal static MailboxNode? Parse(NodeSource source)
    {
        var text = source.Reader.Scalar(source.KindValue, "mailbox");
        MailboxOperation? operation = text switch
        {
            "open" => MailboxOperation.Open,
            "play" => MailboxOperation.Play,
            "next" => MailboxOperation.Next,
            "save" => MailboxOperation.Save,
            "delete" => MailboxOperation.Delete,
            _ => null,
        };
        if (operation is null) source.Reader.Error(source.KindValue, $"mailbox must be one of open, play, next, save, delete, not '{text}'");
        var box = source.Text("box");
        var pin = source.Text("pin");
        TimeZoneInfo? zone = null;
        if (source.Get("time_zone") is { } zoneNode && source.Reader.Scalar(zoneNode, "time_zone") is { } zoneId
            && !TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out zone))
        {
            source.Reader.Error(zoneNode, $"'{zoneId}' is not a time zone (an IANA name such as Asia/Kuala_Lumpur)");
        }

        var settings = new MailboxSettings
        {
            Operation = operation ?? MailboxOperation.Open,
            Box = box ?? "${" + FlowVariables.Caller + "}",
            Pin = pin ?? "",
            TimeZone = zone ?? TimeZoneInfo.Utc,
            Next = source.Next(),
            OnFailure = source.Next("on_failure"),
            OnEmpty = source.Next("on_empty"),
        };
        if (operation == MailboxOperation.Open && pin is null) source.Reader.Error(source.KindValue, "mailbox: open needs a pin (e.g. pin: ${pin} after a collect)");
        if (operation is not (null or MailboxOperation.Open))
        {
            foreach (var key in new[] { "box", "pin", "time_zone", "on_failure" })
            {
                if (source.Get(key) is { } node) source.Reader.Error(node, $"{key} belongs to mailbox: open, not mailbox: {text}");
            }
        }

        return operation is null ? null : new MailboxNode(source.Name, source.Position, settings);
    }

    internal override async Task<FlowStep> RunAsync(FlowRun run)
    {
        if (settings.Operation == MailboxOperation.Open) return await OpenAsync(run).ConfigureAwait(false);
        if (run.Mailbox is not { } session)
        {
            run.Note($"{Name}: no mailbox is open");
            return FlowStep.Go(settings.OnEmpty ?? settings.Next);
        }

        if (settings.Operation == MailboxOperation.Next) session.MoveNext();
        if (session.Current is not { } message)
        {
            session.Describe(run);
            run.Note($"mailbox {session.Box}: no more messages");
            return FlowStep.Go(settings.OnEmpty ?? settings.Next);
        }

        switch (settings.Operation)
        {
            case MailboxOperation.Play:
                session.Describe(run);
                var played = await run.Channel.PlayAsync([Prompt.FromFile(message.Path)], bargeIn: true, run.HungUp).ConfigureAwait(false);
                if (played.Outcome == PlayOutcome.HungUp) return FlowStep.CallerHungUp;
                break;
            case MailboxOperation.Save:
                if (run.Services.Mailboxes is { } saver) await saver.SaveAsync(message, run.HungUp).ConfigureAwait(false);
                session.MarkSaved(message);
                run.Note($"mailbox {session.Box}: message {message.Id} saved");
                session.Describe(run);
                break;
            case MailboxOperation.Delete:
                // Deleting is finished even when the caller hangs up right after pressing the key.
                if (run.Services.Mailboxes is { } deleter) await deleter.DeleteAsync(message, CancellationToken.None).ConfigureAwait(false);
                session.MarkDeleted();
                run.Note($"mailbox {session.Box}: message {message.Id} deleted");
                session.Describe(run);
                break;
            default:
                session.Describe(run);
                break;
        }

        return FlowStep.Go(settings.Next);
    }

    private async Task<FlowStep> OpenAsync(FlowRun run)
    {
        var box = run.Expand(settings.Box);
        var messages = run.Services.Mailboxes is { } mailboxes
            ? await mailboxes.OpenAsync(box, run.Expand(settings.Pin), run.HungUp).ConfigureAwait(false)
            : null;
        if (messages is null)
        {
            run.Note($"mailbox {box}: not opened (no such box, no PIN, or a wrong one)");
            return settings.OnFailure is null ? FlowStep.End($"mailbox {box} refused") : FlowStep.Go(settings.OnFailure);
        }

        run.Mailbox = new MailboxSession(box, messages, settings.TimeZone);
        run.Mailbox.Describe(run);
        run.Note($"mailbox {box}: opened, {messages.Count} messages");
        return FlowStep.Go(settings.Next);
    }
}
