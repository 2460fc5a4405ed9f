using Softswitch.Acd.Routing;
using Softswitch.Channels;
using Softswitch.Ivr.Speech;
using Softswitch.Queues;

namespace Softswitch.Tests.Queues;

/// <summary>What a queue says in a call's language: position and estimated wait in whole minutes, nothing said by halves.</summary>
public sealed class QueuePromptsTests
{
    private string _sounds = null!;

    [SetUp]
    public void SetUp()
    {
        _sounds = Directory.CreateTempSubdirectory("queue-prompts-").FullName;
        foreach (var (language, prompt) in new[]
        {
            ("ms", QueuePrompts.Position), ("ms", QueuePrompts.EstimatedWait), ("ms", QueuePrompts.Minute), ("ms", QueuePrompts.Minutes),
            ("en", QueuePrompts.Position), ("en", QueuePrompts.EstimatedWait), // en lacks "minutes": no estimate in English
        })
        {
            Directory.CreateDirectory(Path.Combine(_sounds, language));
            File.WriteAllBytes(Path.Combine(_sounds, language, prompt + ".wav"), []);
        }
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_sounds, recursive: true);

    private static CallerStatus Waiting(int position, double? estimateSeconds) =>
        new("support", position, TimeSpan.FromSeconds(30), estimateSeconds is { } s ? TimeSpan.FromSeconds(s) : null, 0);

    private static string[] Names(IReadOnlyList<Prompt> prompts) => [.. prompts.Select(p => p.ToString())];

    [Test]
    public void Position_and_estimated_wait_are_said_in_the_callers_language_rounded_up_to_whole_minutes()
    {
        var prompts = new QueuePrompts(_sounds, new SpokenNumbers());

        Assert.That(Names(prompts.Status(Waiting(3, 150), new QueueAnnouncements(), "ms")),
            Is.EqualTo(new[] { "queue-position", "numbers/3", "queue-estimated-wait", "numbers/3", "queue-minutes" }));
        Assert.That(Names(prompts.Status(Waiting(2, 20), new QueueAnnouncements(), "ms")),
            Is.EqualTo(new[] { "queue-position", "numbers/2", "queue-estimated-wait", "numbers/1", "queue-minute" }), "20 s is one minute, never zero");
    }

    [Test]
    public void What_a_language_or_the_queue_leaves_out_is_not_said()
    {
        var prompts = new QueuePrompts(_sounds, new SpokenNumbers());

        Assert.That(Names(prompts.Status(Waiting(3, 150), new QueueAnnouncements(), "en")), Is.EqualTo(new[] { "queue-position", "numbers/3" }), "en has no minutes prompt");
        Assert.That(Names(prompts.Status(Waiting(3, 150), new QueueAnnouncements(), "id")), Is.Empty, "no Indonesian queue prompts here");
        Assert.That(Names(prompts.Status(Waiting(3, null), new QueueAnnouncements(), "ms")), Is.EqualTo(new[] { "queue-position", "numbers/3" }), "no figures yet");
        Assert.That(Names(prompts.Status(Waiting(0, 150), new QueueAnnouncements(), "ms")), Does.Not.Contain("queue-position"), "ringing an agent: no position");
        Assert.That(Names(prompts.Status(Waiting(3, 150), new QueueAnnouncements { Position = false }, "ms")), Does.Not.Contain("queue-position"));
        Assert.That(Names(prompts.Status(Waiting(3, 150), new QueueAnnouncements { EstimatedWait = false }, "ms")), Is.EqualTo(new[] { "queue-position", "numbers/3" }));
    }
}
