using Softswitch.Acd.Model;
using Microsoft.Extensions.Options;
using Softswitch.Calls.Routing;
using Softswitch.Channels;
using Softswitch.Configuration.Options;
using Softswitch.Ivr;
using Softswitch.Ivr.Runtime;

namespace Softswitch.Queues;

/// <summary>
/// The ACD's entrances: a call on <c>queue: NAME</c> runs a <see cref="QueueApplication"/> (an unknown queue: none, the
/// dispatcher answers 480), and an IVR <c>queue</c> node runs one as <see cref="ICallQueues"/>. A queue's overflow goes
/// to another queue (<c>queue:NAME</c>), a flow (<c>flow:NAME</c>) or an extension's voicemail (<c>voicemail:EXTENSION</c>,
/// <see cref="QueueVoicemail"/>). The flows and their services are looked up lazily: the flows' services hold this class.
/// </summary>
internal sealed class QueueRoutes(
    AcdService acd,
    IOptionsMonitor<SoftswitchOptions> options,
    Func<FlowLibrary> flows,
    Func<FlowServices> flowServices,
    QueuePrompts prompts,
    TimeProvider time,
    QueueCallbacks? callbacks = null) : IRouteApplications, ICallQueues
{
    public ICallApplication? For(DialPlanRoute route) =>
        route.Target == RouteTarget.Queue && route.Destination is { Length: > 0 } name ? ForQueue(name) : null;

    public async Task<QueueCallOutcome> EnterAsync(ICallChannel channel, string queue, int priority, IReadOnlyList<KeyValuePair<string, int>>? skills = null) =>
        ForQueue(queue, priority, skills) is { } application ? await application.RunQueueAsync(channel).ConfigureAwait(false) : QueueCallOutcome.NotQueued;

    /// <summary>The application for a caller entering <paramref name="name"/>; null for a queue the configuration does not have.</summary>
    public QueueApplication? ForQueue(string name, int priority = 0, IReadOnlyList<KeyValuePair<string, int>>? skills = null) =>
        options.CurrentValue.Queues.FirstOrDefault(q => q.Name == name) is { } queue
            ? new QueueApplication(acd, name, SettingsOf(queue), time, prompts, Overflow, priority, callbacks,
                skills is { Count: > 0 } ? [.. skills.Select(skill => new SkillRequirement(skill.Key, skill.Value))] : null)
            : null;

    /// <summary>The call side of a <c>queues</c> entry.</summary>
    public static QueueCallSettings SettingsOf(QueueOptions queue) => new(queue.Music, queue.Record, queue.Survey)
    {
        Overflow = queue.Overflow,
        Announcements = new QueueAnnouncements
        {
            Delay = TimeSpan.FromSeconds(queue.AnnounceDelaySeconds),
            Every = queue.AnnounceEverySeconds > 0 ? TimeSpan.FromSeconds(queue.AnnounceEverySeconds) : null,
            Position = queue.AnnouncePosition,
            EstimatedWait = queue.AnnounceEstimatedWait,
            PeriodicMessage = queue.PeriodicMessage,
            PeriodicEvery = TimeSpan.FromSeconds(queue.PeriodicEverySeconds),
        },
    };

    private ICallApplication? Overflow(string destination) => destination.Split(':', 2) switch
    {
        ["queue", var queue] => ForQueue(queue),
        ["flow", var flow] => flows().CreateApplication(flow),
        ["voicemail", var box] when box.Length > 0 => new QueueVoicemail(box, flowServices()),
        _ => null,
    };
}
