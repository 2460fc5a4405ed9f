using Softswitch.Channels;
using Softswitch.Ivr.Loading;
using Softswitch.Ivr.Runtime;

namespace Softswitch.Ivr.Flows;

/// <summary>
/// <c>voicemail: 1001</c>: plays <c>greeting</c>, beeps, and records a message into the box until #, <c>silence</c> or
/// <c>max_length</c>; then <c>next</c> (or hangs up).
/// </summary>
public sealed class VoicemailNode(string name, SourcePosition position, VoicemailSettings settings) : FlowNode(name, position)
{
    public override string Kind => "voicemail";

    public VoicemailSettings Settings => settings;

    public override bool WaitsForInput => true;

    public override IEnumerable<NodeReference> Exits => Present(settings.Next);

    public override IEnumerable<PromptReference> Prompts => settings.Greeting;

    internal static VoicemailNode Parse(NodeSource source)
    {
        var box = source.Reader.Scalar(source.KindValue, "voicemail");
        if (box is "") source.Reader.Error(source.KindValue, "voicemail needs a box (usually the extension number)");
        return new VoicemailNode(source.Name, source.Position, new VoicemailSettings
        {
            Box = box ?? "",
            Greeting = source.Prompts("greeting"),
            MaxLength = source.Duration("max_length", TimeSpan.FromMinutes(2)),
            Silence = source.Duration("silence", TimeSpan.FromSeconds(5)),
            Beep = source.Boolean("beep", true),
            Next = source.Next(),
        });
    }

    internal override async Task<FlowStep> RunAsync(FlowRun run)
    {
        var box = run.Expand(settings.Box);
        if ((await run.PlayAsync(settings.Greeting, bargeIn: false).ConfigureAwait(false)).Outcome == PlayOutcome.HungUp) return FlowStep.CallerHungUp;
        var channel = run.Channel;
        var caller = new VoicemailCaller(channel.CallUuid, channel.Caller, channel.CallerName, run.Services.TimeProvider.GetUtcNow());
        if (run.Services.VoicemailDrop is not { } drop || await drop.StartMessageAsync(box, caller, run.HungUp).ConfigureAwait(false) is not { } message)
        {
            run.Note($"voicemail {box}: no such box here");
            return FlowStep.Go(settings.Next);
        }

        var recording = await channel.RecordAsync(new RecordRequest
        {
            Path = message.Path,
            MaxLength = settings.MaxLength,
            SilenceTimeout = settings.Silence,
            Beep = settings.Beep,
        }, run.HungUp).ConfigureAwait(false);
        // The message is kept even when the caller hung up while speaking, so the drop is told without the call's token.
        await drop.FinishMessageAsync(message, recording, CancellationToken.None).ConfigureAwait(false);
        run.Note($"voicemail {box}: {recording.Length.TotalSeconds:0.#}s message, {recording.Outcome}");
        if (recording.Outcome == RecordOutcome.HungUp) return FlowStep.End($"voicemail {box}", hangUp: false);
        return settings.Next is null ? FlowStep.End($"voicemail {box}") : FlowStep.Go(settings.Next);
    }
}
