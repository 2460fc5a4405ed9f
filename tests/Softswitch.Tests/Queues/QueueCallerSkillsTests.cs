using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Acd.Model;
using Softswitch.Channels;
using Softswitch.Queues;

namespace Softswitch.Tests.Queues;

/// <summary>Issue 11 item 5: the skills an IVR's queue node gives a caller decide which agent is offered it.</summary>
public sealed class QueueCallerSkillsTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Test]
    public async Task A_caller_needing_malay_skips_the_longest_idle_agent_who_has_none()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
        await using var acd = new AcdService(new AcdConfiguration([new QueueDefinition("support")],
        [
            new AgentDefinition("1002") { Queues = [new AgentQueueMembership("support")], Skills = new Dictionary<string, int> { ["en"] = 90 } },
            new AgentDefinition("1003") { Queues = [new AgentQueueMembership("support")], Skills = new Dictionary<string, int> { ["ms"] = 70 } },
        ]), time, NullLogger<AcdService>.Instance);
        acd.Start(["1002", "1003"]);
        var channel = new ScriptedQueueChannel("call-1", request =>
        {
            request.Answered!(request.Destination);
            return Task.FromResult(new BridgeResult(BridgeOutcome.CallerHungUp, request.Destination, TimeSpan.FromSeconds(5)));
        });
        var application = SilentQueues.Application(acd, time, skills: [new SkillRequirement("ms", 50)]);

        await application.RunAsync(channel).WaitAsync(Wait);

        Assert.That(channel.Bridges.Select(bridge => bridge.Destination), Is.EqualTo(new[] { "1003" }),
            "1002 is first in order but has no Malay; 1003 has it above the caller's minimum");
    }
}
