using Microsoft.Extensions.Options;
using Softswitch.Calls.Routing;
using Softswitch.Channels;
using Softswitch.Configuration.Options;
using Softswitch.Ivr;
using Softswitch.Ivr.Speech;

namespace Softswitch.Queues;

/// <summary>
/// The ACD's entrances: a call on <c>queue: NAME</c> runs a <see cref="QueueApplication"/> (an unknown queue: none, the
/// dispatcher answers 480), and an IVR <c>queue</c> node runs one as <see cref="ICallQueues"/>. A queue's overflow goes
/// to another queue (<c>queue:NAME</c>) or a flow (<c>flow:NAME</c>); <c>voicemail:EXTENSION</c> is not served yet (the
/// caller is hung up on, as with no overflow). The flows are looked up lazily: the flows' services hold this class.
/// </summary>
internal sealed class QueueRoutes(
    AcdService acd,
    IOptionsMonitor<SoftswitchOptions> options,
    Func<FlowLibrary> flows,
    string soundsFolder,
    INumberSpeaker numbers,
    TimeProvider time,
    QueueCallbacks? callbacks = null) : IRouteApplications, ICallQueues
{
    /// <summary>"You are caller number" in the call's language (<c>sounds/&lt;language&gt;/queue-position.wav</c>).</summary>
    private const string QueuePositionPrompt = "queue-position";

    public ICallApplication? For(DialPlanRoute route) =>
        route.Target == RouteTarget.Queue && route.Destination is { Length: > 0 } name ? ForQueue(name) : null;

    public async Task<QueueCallOutcome> EnterAsync(ICallChannel channel, string queue, int priority) =>
        ForQueue(queue, priority) is { } application ? await application.RunQueueAsync(channel).ConfigureAwait(false) : QueueCallOutcome.NotQueued;

    /// <summary>The application for a caller entering <paramref name="name"/>; null for a queue the configuration does not have.</summary>
    public QueueApplication? ForQueue(string name, int priority = 0) =>
        options.CurrentValue.Queues.FirstOrDefault(q => q.Name == name) is { } queue
            ? new QueueApplication(acd, name, new QueueCallSettings(queue.Music, queue.Record), time, PositionPrompts, Overflow, priority, callbacks)
            : null;

    private ICallApplication? Overflow(string destination) => destination.Split(':', 2) switch
    {
        ["queue", var queue] => ForQueue(queue),
        ["flow", var flow] => flows().CreateApplication(flow),
        _ => null,
    };

    /// <summary>"You are caller number" and the number in words, when the call's language has both; else nothing.</summary>
    private IReadOnlyList<Prompt> PositionPrompts(int position, string language)
    {
        if (!File.Exists(Path.Combine(soundsFolder, language, QueuePositionPrompt + ".wav"))) return [];
        if (!numbers.TrySay(SayKind.Number, position.ToString(System.Globalization.CultureInfo.InvariantCulture), language, out var words, out _)) return [];
        return [Prompt.Named(QueuePositionPrompt), .. words.Select(word => Prompt.Named(word))];
    }
}
