using System.Globalization;
using Softswitch.Acd.Routing;
using Softswitch.Channels;
using Softswitch.Ivr.Speech;

namespace Softswitch.Queues;

/// <summary>
/// What a queue says, in the call's language (<c>sounds/&lt;language&gt;/queue-*.wav</c>, numbers by the IVR's number
/// speaker): an announcement the language cannot say whole is left out rather than said in pieces.
/// </summary>
public sealed class QueuePrompts(string soundsFolder, INumberSpeaker numbers)
{
    /// <summary>"You are caller number".</summary>
    public const string Position = "queue-position";

    /// <summary>"The estimated wait is", then the minutes.</summary>
    public const string EstimatedWait = "queue-estimated-wait";

    public const string Minute = "queue-minute";

    public const string Minutes = "queue-minutes";

    /// <summary>Refused because the queue holds its maximum length.</summary>
    public const string Full = "queue-full";

    /// <summary>Refused or sent away with nowhere to go: no agent, or waited the maximum.</summary>
    public const string NoAgents = "queue-no-agents";

    /// <summary>"You are caller number N" and "the estimated wait is M minutes" as <paramref name="announce"/> asks; empty when there is nothing to say.</summary>
    public IReadOnlyList<Prompt> Status(CallerStatus status, QueueAnnouncements announce, string language)
    {
        var prompts = new List<Prompt>();
        if (announce.Position && status.Position > 0 && Say(Position, status.Position, language) is { } position) prompts.AddRange(position);
        if (announce.EstimatedWait && status.EstimatedWait is { } wait && wait > TimeSpan.Zero)
        {
            // Rounded up: a caller told "one minute" for a 20 s estimate is not misled, one told "zero minutes" is.
            var minutes = (int)Math.Max(1, Math.Ceiling(wait.TotalMinutes));
            if (Say(EstimatedWait, minutes, language) is { } estimate && Exists(minutes == 1 ? Minute : Minutes, language))
            {
                prompts.AddRange(estimate);
                prompts.Add(Prompt.Named(minutes == 1 ? Minute : Minutes));
            }
        }

        return prompts;
    }

    /// <summary>Why the caller is hung up on (<see cref="Full"/> or <see cref="NoAgents"/>).</summary>
    public IReadOnlyList<Prompt> Refusal(bool full) => [Prompt.Named(full ? Full : NoAgents)];

    /// <summary>The periodic message, when the language has it.</summary>
    public IReadOnlyList<Prompt> Message(string name, string language) => Exists(name, language) ? [Prompt.Named(name)] : [];

    private List<Prompt>? Say(string lead, int number, string language)
    {
        if (!Exists(lead, language)) return null;
        if (!numbers.TrySay(SayKind.Number, number.ToString(CultureInfo.InvariantCulture), language, out var words, out _)) return null;
        return [Prompt.Named(lead), .. words.Select(word => Prompt.Named(word))];
    }

    private bool Exists(string name, string language) => File.Exists(Path.Combine(soundsFolder, language, name + ".wav"));
}
