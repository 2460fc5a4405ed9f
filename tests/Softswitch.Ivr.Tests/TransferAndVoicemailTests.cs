using Softswitch.Channels;
using Softswitch.Ivr.Tests.Support;

namespace Softswitch.Ivr.Tests;

public sealed class TransferAndVoicemailTests : FlowTest
{
    private const string Transfer = """
        nodes:
          dial:
            transfer: "1001"
            ring_time: 20s
            busy: busy
            unavailable: sorry
            next: again
          busy:
            play: bye
          sorry:
            play: sorry
          again:
            play: hello
        """;

    [Test]
    public async Task An_answered_transfer_ends_the_flow_naming_the_destination()
    {
        var call = await RunAsync(Transfer, "");
        Assert.That(call.Lines, Does.Contain("dial 1001 (ring 20s)"));
        Assert.That(call.Result, Is.EqualTo("transfer 1001"));
        Assert.That(call.Lines[^1], Is.EqualTo("transfer 1001"));
        Assert.That(call.Channel.HungUpBySwitch, Is.False);
    }

    [TestCase(BridgeOutcome.Busy, "bye")]
    [TestCase(BridgeOutcome.NoAnswer, "sorry")]
    [TestCase(BridgeOutcome.Unavailable, "sorry")]
    public async Task A_transfer_nobody_answers_goes_on_by_why(BridgeOutcome outcome, string prompt)
    {
        var call = await RunAsync(Transfer, "", setUp: c => c.BridgeOutcomes["1001"] = new BridgeResult(outcome));
        Assert.That(call.PromptNames, Is.EqualTo(new[] { prompt }));
    }

    [Test]
    public async Task After_the_other_party_hangs_up_the_caller_goes_on_at_next()
    {
        var call = await RunAsync(Transfer, "", setUp: c => c.BridgeOutcomes["1001"] = new BridgeResult(BridgeOutcome.PartyHungUp, "1001", TimeSpan.FromSeconds(42)));
        Assert.That(call.Lines, Does.Contain("transfer 1001: answered by 1001, party hung up after 42s"));
        Assert.That(call.PromptNames, Is.EqualTo(new[] { "hello" }));
    }

    [Test]
    public async Task A_failed_transfer_without_a_fallback_hangs_up()
    {
        var call = await RunAsync("nodes:\n  dial:\n    transfer: \"${dialled}1\"\n", "", setUp: c => c.BridgeOutcomes["5001"] = new BridgeResult(BridgeOutcome.Busy));
        Assert.That(call.Result, Is.EqualTo("transfer 5001 failed: busy"));
        Assert.That(call.Channel.HungUpBySwitch, Is.True);
    }

    [Test]
    public async Task A_transfer_to_a_flow_continues_in_that_flows_start_node()
    {
        Workspace.WriteFlow("sales", """
            variables:
              team: sales
            nodes:
              hello:
                play: hello
                next: dial
              dial:
                transfer: "600"
            """);
        var call = await RunAsync("""
            nodes:
              go:
                transfer: { flow: sales }
            """, "");
        Assert.That(call.Result, Is.EqualTo("transfer 600"));
        Assert.That(call.Channel.RecordFields["ivr_flow"], Is.EqualTo("main,sales"));
        Assert.That(call.Channel.RecordFields["ivr_path"], Is.EqualTo("go,hello,dial"));
        Assert.That(call.Channel.RecordFields["ivr_variables"], Does.Contain("\"team\":\"sales\""));
    }

    private const string Voicemail = """
        nodes:
          message:
            voicemail: "${box}"
            greeting: hello
            max_length: 30s
            silence: 4s
            next: bye
          bye:
            play: bye
        variables:
          box: "1001"
        """;

    [Test]
    public async Task Voicemail_records_into_the_path_the_drop_gives_until_the_stop_key()
    {
        var drop = new FakeVoicemailDrop("1001");
        var call = await RunAsync(Voicemail, "w12,#", Services(s => s with { VoicemailDrop = drop }));
        var (message, caller) = drop.Started.Single();
        Assert.That(message.Box, Is.EqualTo("1001"));
        Assert.That(caller, Is.EqualTo(new VoicemailCaller("simulated-call", "60123456789", null, MondayTenInKualaLumpur)));
        var finished = drop.Finished.Single();
        Assert.That(finished.Recording, Is.EqualTo(new RecordResult(RecordOutcome.StoppedByKey, TimeSpan.FromSeconds(12), '#')));
        Assert.That(call.Lines, Does.Contain("record /voicemail/1001/1.wav: 12s, ended by key #"));
        Assert.That(call.PromptNames, Is.EqualTo(new[] { "hello", "bye" }));
    }

    [Test]
    public async Task A_message_stops_at_its_maximum_length()
    {
        var drop = new FakeVoicemailDrop("1001");
        await RunAsync(Voicemail, "w90", Services(s => s with { VoicemailDrop = drop }));
        Assert.That(drop.Finished.Single().Recording, Is.EqualTo(new RecordResult(RecordOutcome.MaxLength, TimeSpan.FromSeconds(30))));
    }

    [Test]
    public async Task A_caller_who_hangs_up_while_speaking_still_leaves_the_message()
    {
        var drop = new FakeVoicemailDrop("1001");
        var call = await RunAsync(Voicemail, "w8", Services(s => s with { VoicemailDrop = drop }));
        Assert.That(drop.Finished.Single().Recording.Outcome, Is.EqualTo(RecordOutcome.HungUp));
        Assert.That(call.Result, Is.EqualTo("voicemail 1001"));
        Assert.That(call.Channel.HungUpBySwitch, Is.False);
    }

    [Test]
    public async Task A_box_the_drop_does_not_know_is_skipped()
    {
        var drop = new FakeVoicemailDrop("2002");
        var call = await RunAsync(Voicemail, "", Services(s => s with { VoicemailDrop = drop }));
        Assert.That(drop.Started, Is.Empty);
        Assert.That(call.Lines, Does.Contain("voicemail 1001: no such box here"));
        Assert.That(call.PromptNames, Is.EqualTo(new[] { "hello", "bye" }));
    }

    [Test]
    public async Task Hangup_ends_the_call_from_the_switch_and_records_the_path_and_variables()
    {
        var call = await RunAsync("""
            nodes:
              ask:
                collect: account
                next: end
              end:
                hangup:
            """, "42#");
        Assert.That(call.Channel.HungUpBySwitch, Is.True);
        Assert.That(call.Channel.RecordFields, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["ivr_flow"] = "main",
            ["ivr_path"] = "ask:42#,end",
            ["ivr_keys"] = "42#",
            ["ivr_result"] = "hangup",
            ["ivr_variables"] = """{"caller":"60123456789","caller_name":"","dialled":"500","language":"en","origin":"trunk","origin_name":"simulator","account":"42"}""",
            ["ivr_said"] = "[]",
        }));
    }
}
