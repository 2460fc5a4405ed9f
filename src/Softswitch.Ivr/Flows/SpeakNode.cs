using Softswitch.Channels;
using Softswitch.Ivr.Loading;
using Softswitch.Ivr.Runtime;

namespace Softswitch.Ivr.Flows;

/// <summary>
/// <c>speak: "Your account ${account}"</c>: plays the recorded <c>prompt</c> when one exists in the call's language,
/// otherwise the text with its variables filled in, synthesized (so a flow can be tried before anyone records it).
/// </summary>
public sealed class SpeakNode(string name, SourcePosition position, string text, string? prompt, bool bargeIn, NodeReference? next)
    : FlowNode(name, position)
{
    public override string Kind => "speak";

    public string Text => text;

    /// <summary>The recorded prompt preferred over synthesis; null to always synthesize.</summary>
    public string? RecordedPrompt => prompt;

    public override IEnumerable<NodeReference> Exits => Present(next);

    internal static SpeakNode Parse(NodeSource source)
    {
        var text = source.Reader.Scalar(source.KindValue, "speak") ?? "";
        var prompt = source.Get("prompt") is { } node ? source.Reader.Prompts(node, "prompt") : [];
        if (prompt.Count > 1) source.Reader.Error(source.Get("prompt")!, "a speak node names one recorded prompt");
        return new SpeakNode(source.Name, source.Position, text, prompt.FirstOrDefault()?.Name, source.Boolean("barge_in", true), source.Next());
    }

    internal override async Task<FlowStep> RunAsync(FlowRun run)
    {
        var language = run.Channel.Language;
        Prompt? toPlay = null;
        string? heardAs = null;
        if (prompt is not null && File.Exists(Path.Combine(run.Services.SoundsFolder, language, prompt + ".wav")))
        {
            toPlay = Prompt.Named(prompt);
        }
        else
        {
            var sentence = run.Expand(text);
            run.Note($"speak: {sentence}");
            if (run.Services.SpeechSynthesizer is { } synthesizer
                && await synthesizer.SynthesizeAsync(sentence, language, run.HungUp).ConfigureAwait(false) is { } file)
            {
                toPlay = Prompt.FromFile(file);
                heardAs = $"\"{sentence}\"@{language}";
            }
        }

        if (toPlay is not { } played) return FlowStep.Go(next);
        var result = await run.PlayAsync([played], bargeIn, heardAs).ConfigureAwait(false);
        return result.Outcome == PlayOutcome.HungUp ? FlowStep.CallerHungUp : FlowStep.Go(next);
    }
}
