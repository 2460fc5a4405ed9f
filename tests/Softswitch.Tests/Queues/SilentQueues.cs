using Softswitch.Acd.Model;
using Softswitch.Channels;
using Softswitch.Ivr.Speech;
using Softswitch.Queues;

namespace Softswitch.Tests.Queues;

/// <summary>
/// A queue's caller side that says nothing (no position, no estimated wait, prompts from a folder with none), for tests
/// about what the ACD decides rather than what the caller hears.
/// </summary>
internal static class SilentQueues
{
    public static QueueApplication Application(AcdService acd, TimeProvider time, QueueCallbacks? callbacks = null,
        IReadOnlyList<SkillRequirement>? skills = null) =>
        new(acd, "support", new QueueCallSettings("default", false) { Announcements = new() { Position = false, EstimatedWait = false } }, time,
            new QueuePrompts(Path.Combine(Path.GetTempPath(), "no-queue-sounds"), new SpokenNumbers()), _ => (ICallApplication?)null,
            callbacks: callbacks, skills: skills);
}
