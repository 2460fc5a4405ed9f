using Softswitch.Channels;
using Softswitch.Queues;

namespace Softswitch.Tests.Queues;

/// <summary>After the conversation with the agent: the talk time on the row, and the survey when the agent hung up first.</summary>
public sealed class QueueConversationEndTests
{
    /// <summary>Stands in for the survey flow: sets what a flow run sets on its way out, with the caller's key as survey_score.</summary>
    private sealed class SurveyFlow(string? key) : ICallApplication
    {
        public int Runs { get; private set; }

        public string Name => "flow survey";

        public Task RunAsync(ICallChannel channel)
        {
            Runs++;
            channel.SetRecordField("ivr_flow", "survey");
            channel.SetRecordField("ivr_path", key is null ? "question,goodbye,end" : $"question:{key},thanks,end");
            channel.SetRecordField("ivr_result", "hangup");
            channel.SetRecordField("ivr_variables", key is null ? """{"caller":"1001"}""" : $$"""{"caller":"1001","survey_score":"{{key}}"}""");
            return Task.CompletedTask;
        }
    }

    private static ScriptedQueueChannel Caller() => new("call-9", _ => throw new InvalidOperationException("no bridge here"));

    [Test]
    public async Task The_agent_hanging_up_first_keeps_the_caller_for_the_survey_whose_score_goes_on_the_row_beside_the_ivr_fields()
    {
        var channel = Caller();
        channel.SetRecordField("ivr_path", "welcome,main-menu:2,wait");
        var flow = new SurveyFlow("4");
        string? asked = null;

        var score = await QueueConversationEnd.RunAsync(channel, new BridgeResult(BridgeOutcome.PartyHungUp, "1002", TimeSpan.FromSeconds(42.7)), "survey",
            destination => (asked = destination) == "flow:survey" ? flow : null);

        Assert.Multiple(() =>
        {
            Assert.That(score, Is.EqualTo(4));
            Assert.That(asked, Is.EqualTo("flow:survey"));
            Assert.That(channel.Fields["talk_seconds"], Is.EqualTo("42"));
            Assert.That(channel.Fields["survey_score"], Is.EqualTo("4"));
            Assert.That(channel.Fields["survey"], Is.EqualTo("survey"));
            Assert.That(channel.Fields["survey_path"], Is.EqualTo("question:4,thanks,end"));
            Assert.That(channel.Fields["survey_result"], Is.EqualTo("hangup"));
            Assert.That(channel.Fields["ivr_path"], Is.EqualTo("welcome,main-menu:2,wait"), "the path that led to the queue stays");
            Assert.That(channel.Fields.ContainsKey("ivr_variables"), Is.False);
        });
    }

    [Test]
    public async Task The_caller_hanging_up_ends_the_call_without_a_survey()
    {
        var channel = Caller();
        var flow = new SurveyFlow("5");

        var score = await QueueConversationEnd.RunAsync(channel, new BridgeResult(BridgeOutcome.CallerHungUp, "1002", TimeSpan.FromSeconds(9)), "survey", _ => flow);

        Assert.That((score, flow.Runs, channel.Fields["talk_seconds"]), Is.EqualTo(((int?)null, 0, "9")));
        Assert.That(channel.Fields.ContainsKey("survey"), Is.False);
    }

    [Test]
    public async Task A_queue_without_a_survey_only_notes_the_talk_time_and_a_survey_without_a_key_has_no_score()
    {
        var without = Caller();
        Assert.That(await QueueConversationEnd.RunAsync(without, new BridgeResult(BridgeOutcome.PartyHungUp, "1002", TimeSpan.FromSeconds(3)), null,
            _ => new SurveyFlow("3")), Is.Null);
        Assert.That(without.Fields.Keys, Is.EquivalentTo(new[] { "talk_seconds" }));

        var silent = Caller();
        Assert.That(await QueueConversationEnd.RunAsync(silent, new BridgeResult(BridgeOutcome.PartyHungUp, "1002", TimeSpan.FromSeconds(3)), "survey",
            _ => new SurveyFlow(null)), Is.Null);
        Assert.That(silent.Fields.ContainsKey("survey_score"), Is.False);
        Assert.That(silent.Fields["survey_path"], Is.EqualTo("question,goodbye,end"));
    }

    [Test]
    public async Task A_survey_flow_that_is_not_loaded_is_noted_on_the_row()
    {
        var channel = Caller();

        await QueueConversationEnd.RunAsync(channel, new BridgeResult(BridgeOutcome.PartyHungUp, "1002", TimeSpan.FromSeconds(3)), "survey", _ => null);

        Assert.That(channel.Fields["survey_result"], Is.EqualTo("flow not loaded"));
    }
}
