using Softswitch.Ivr.Tests.Support;

namespace Softswitch.Ivr.Tests;

public sealed class QueueNodeTests : FlowTest
{
    private const string Queue = """
        nodes:
          wait:
            queue: support
            priority: 5
            next: sorry
          sorry:
            play: sorry
        """;

    [Test]
    public async Task A_caller_who_talked_to_an_agent_ends_the_flow_and_the_queue_got_the_priority()
    {
        var queues = new ScriptedQueues(QueueCallOutcome.Connected);

        var call = await RunAsync(Queue, "", Services(s => s with { Queues = queues }));

        Assert.That(queues.Entered, Is.EqualTo(new[] { ("support", 5) }));
        Assert.That(call.Result, Is.EqualTo("queue support"));
        Assert.That(call.PromptNames, Is.Empty);
    }

    [TestCase(QueueCallOutcome.NotQueued)]
    [TestCase(QueueCallOutcome.Overflowed)]
    public async Task A_caller_the_queue_did_not_connect_goes_on_at_next(QueueCallOutcome outcome)
    {
        var call = await RunAsync(Queue, "", Services(s => s with { Queues = new ScriptedQueues(outcome) }));

        Assert.That(call.PromptNames, Is.EqualTo(new[] { "sorry" }));
    }

    [Test]
    public async Task Without_an_acd_the_node_goes_on_at_next()
    {
        var call = await RunAsync(Queue, "");

        Assert.That(call.Lines, Does.Contain("queue support: no ACD here"));
        Assert.That(call.PromptNames, Is.EqualTo(new[] { "sorry" }));
    }

    [Test, Description("Issue 11 item 5: the queue node hands the caller's skills to the ACD, their names expanded like any text")]
    public async Task The_caller_brings_the_nodes_skills_with_variables_expanded_to_the_queue()
    {
        var queues = new ScriptedQueues(QueueCallOutcome.Connected);
        const string flow = """
            nodes:
              language:
                set: { lang: ms }
                next: wait
              wait:
                queue: support
                skills: { "${lang}": 60, product: 30 }
            """;

        await RunAsync(flow, "", Services(s => s with { Queues = queues }));

        Assert.That(queues.Skills.Single(), Is.EqualTo(new KeyValuePair<string, int>[] { new("ms", 60), new("product", 30) }));
    }
}
