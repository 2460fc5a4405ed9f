using Microsoft.Extensions.Time.Testing;
using Softswitch.Acd.Model;
using Softswitch.Acd.Routing;

namespace Softswitch.Acd.Tests.Support;

/// <summary>An engine on a fake clock, with the decisions it made taken after each step.</summary>
internal sealed class AcdHarness
{
    public AcdHarness(AcdConfiguration configuration)
    {
        Engine = new AcdEngine(configuration, Time);
    }

    public AcdHarness(IReadOnlyList<QueueDefinition> queues, IReadOnlyList<AgentDefinition> agents)
        : this(new AcdConfiguration(queues, agents))
    {
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));

    public AcdEngine Engine { get; }

    public List<AcdDecision> Decisions { get; } = [];

    /// <summary>The decisions made since the last call.</summary>
    public List<AcdDecision> Take()
    {
        var taken = new List<AcdDecision>();
        while (Engine.TryTakeDecision(out var decision)) taken.Add(decision);
        Decisions.AddRange(taken);
        return taken;
    }

    public void Advance(double seconds)
    {
        Time.Advance(TimeSpan.FromSeconds(seconds));
        Engine.AdvanceTime();
    }

    public void LogIn(params string[] agents)
    {
        foreach (var agent in agents) Assert.That(Engine.LogIn(agent), Is.True, agent);
    }

    /// <summary>Enqueues and returns the single offer made at once, if any.</summary>
    public AcdDecision? Enter(string callId, string queue, int priority = 0, IReadOnlyList<SkillRequirement>? skills = null)
    {
        Assert.That(Engine.Enqueue(callId, queue, priority, skills), Is.EqualTo(EnqueueResult.Queued));
        var offers = Take().Where(d => d.Kind == AcdDecisionKind.Offer).ToList();
        return offers.Count == 0 ? null : offers.Single();
    }

    /// <summary>The agent answers the offer, talks for <paramref name="talkSeconds"/> and hangs up.</summary>
    public void Serve(AcdDecision offer, double talkSeconds)
    {
        Assert.That(Engine.OfferAnswered(offer.OfferId), Is.True);
        Advance(talkSeconds);
        Assert.That(Engine.CallEnded(offer.AgentId!), Is.True);
    }

    public static AgentDefinition Agent(string id, string queue, params (string Skill, int Level)[] skills) =>
        new(id) { Queues = [new AgentQueueMembership(queue)], Skills = skills.ToDictionary(s => s.Skill, s => s.Level) };
}
