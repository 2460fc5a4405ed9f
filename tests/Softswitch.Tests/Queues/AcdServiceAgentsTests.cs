using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Acd.Model;
using Softswitch.Acd.Routing;
using Softswitch.Calls.Presence;
using Softswitch.Channels;
using Softswitch.Queues;
using Softswitch.Sip.Registrar;

namespace Softswitch.Tests.Queues;

/// <summary>
/// The agents' side of <see cref="AcdService"/>: other calls from the busy-lamp count, the durable state handed out
/// and restored, the console's list, registrations checked at start, and ring-all on the call side.
/// </summary>
public sealed class AcdServiceAgentsTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private FakeTimeProvider _time = null!;
    private AcdService _acd = null!;
    private readonly List<KeptAgentState> _kept = [];

    private void Create(AcdStrategy strategy = AcdStrategy.LongestIdle)
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
        var support = new QueueDefinition("support") { Strategy = strategy, RingTimeout = TimeSpan.FromSeconds(7) };
        _acd = new AcdService(new AcdConfiguration([support],
        [
            new AgentDefinition("1002") { Queues = [new AgentQueueMembership("support")] },
            new AgentDefinition("1003") { Queues = [new AgentQueueMembership("support")] },
        ]), _time, NullLogger<AcdService>.Instance);
        _kept.Clear();
        _acd.AgentStateKept = state => { lock (_kept) _kept.Add(state); };
    }

    [TearDown]
    public async Task TearDown() => await _acd.DisposeAsync();

    private async Task<AgentStatus> Agent(string agent) => (await _acd.GetAgentAsync(agent)) ?? throw new AssertionException("unknown agent " + agent);

    [Test]
    public async Task An_agent_in_a_dialog_the_queue_did_not_make_is_not_offerable_until_the_dialog_ends()
    {
        Create();
        _acd.Start(["1002", "1003"]);

        _acd.SetAgentDialogs("1002", 1);
        Assert.That((await Agent("1002")).Offerable, Is.False, "on a direct call");

        _acd.SetAgentDialogs("1002", 0);
        var status = await Agent("1002");
        Assert.That((status.Offerable, status.LastCallEnded), Is.EqualTo((true, (DateTimeOffset?)_time.GetUtcNow())), "its call ended now");
    }

    [Test]
    public async Task The_busy_lamp_board_makes_an_agent_busy_on_a_call_but_not_on_a_feature_code()
    {
        Create();
        _acd.Start(["1002", "1003"]);
        var activity = new AgentCallActivity(_acd, ["1002"]);
        DialogActivity Dialog(string callId, string remote, DialogState state = DialogState.Confirmed) =>
            new(callId, DialogDirection.Initiator, state, remote);

        activity.OnActivity(new ExtensionActivityChange("1002", Dialog("a", "sip:*53@softswitch.test"), [Dialog("a", "sip:*53@softswitch.test")]));
        Assert.That((await Agent("1002")).Offerable, Is.True, "unpausing by *53 is no call");

        activity.OnActivity(new ExtensionActivityChange("1002", Dialog("b", "sip:1001@softswitch.test"), [Dialog("b", "sip:1001@softswitch.test")]));
        Assert.That((await Agent("1002")).Offerable, Is.False, "calling 1001");

        var ended = Dialog("b", "sip:1001@softswitch.test", DialogState.Terminated);
        activity.OnActivity(new ExtensionActivityChange("1002", ended, [ended]));
        Assert.That((await Agent("1002")).Offerable, Is.True);
        Assert.That(activity.Watches("1001"), Is.False, "not an agent");
    }

    [Test]
    public async Task The_queues_own_offer_is_not_another_call_but_a_second_dialog_during_it_is()
    {
        Create();
        _acd.Start(["1002", "1003"]);
        var inbox = System.Threading.Channels.Channel.CreateUnbounded<AcdDecision>();
        await _acd.EnqueueAsync("call-1", "support", inbox.Writer);
        var offer = await inbox.Reader.ReadAsync().AsTask().WaitAsync(Wait);
        _acd.SetAgentDialogs("1002", 1); // the offer's INVITE
        _acd.OfferAnswered("call-1", offer.OfferId);
        _acd.CallEnded("1002");
        _acd.SetAgentDialogs("1002", 0);
        Assert.That((await Agent("1002")).State, Is.EqualTo(AgentState.Available), "no other call held it");

        _acd.SetAgentDialogs("1003", 1);
        await _acd.EnqueueAsync("call-2", "support", inbox.Writer);
        var second = await inbox.Reader.ReadAsync().AsTask().WaitAsync(Wait);
        Assert.That(second.AgentId, Is.EqualTo("1002"), "1003 is on another call, however long idle");
    }

    [Test]
    public async Task Log_outs_and_pauses_are_handed_out_once_each_and_restored_at_start()
    {
        Create();
        _acd.Start(["1002", "1003"]);
        _acd.Pause("1002", "12");
        _acd.Pause("1002", "12"); // no change: nothing new to keep
        _acd.LogOut("1003");
        _acd.Unpause("1002");
        await _acd.DrainedAsync();
        Assert.That(_kept.Select(k => (k.Agent, k.LoggedIn, k.PauseReason)),
            Is.EqualTo(new[] { ("1002", true, (string?)"12"), ("1003", false, null), ("1002", true, null) }));
        await _acd.DisposeAsync();

        Create();
        _acd.Start(["1002", "1003"], [new KeptAgentState("1002", true, "7", _time.GetUtcNow()), new KeptAgentState("1003", false, null, _time.GetUtcNow())]);
        var paused = await Agent("1002");
        Assert.That((paused.State, paused.PauseReason), Is.EqualTo((AgentState.Paused, (string?)"7")));
        Assert.That((await Agent("1003")).State, Is.EqualTo(AgentState.LoggedOut));
        Assert.That(_kept, Is.Empty, "a restored state is not written again");
    }

    [Test]
    public async Task The_console_lists_every_agent_in_configuration_order_with_its_state_and_calls()
    {
        Create();
        _acd.Start(["1002", "1003"]);
        _acd.Pause("1003", "4");
        _acd.SetAgentDialogs("1002", 2);

        var agents = await _acd.ListAgentsAsync();

        Assert.That(agents!.Select(a => (a.Agent, a.Status.State, a.Status.PauseReason, a.Dialogs)),
            Is.EqualTo(new[] { ("1002", AgentState.Available, (string?)null, 2), ("1003", AgentState.Paused, "4", 0) }));
    }

    [Test]
    public async Task At_start_an_agent_without_a_live_binding_is_skipped()
    {
        Create();
        _acd.Start(["1002", "1003"]);
        var registrations = new AgentRegistrations(_acd, agent => agent == "1003"
            ? [Phone("1003")]
            : [], ["1002", "1003"]);

        registrations.CheckAll();

        Assert.That(((await Agent("1002")).Offerable, (await Agent("1003")).Offerable), Is.EqualTo((false, true)));
    }

    private ContactBinding Phone(string extension)
    {
        var now = _time.GetUtcNow();
        var contact = $"sip:{extension}@127.0.0.1:5070";
        return new ContactBinding(extension, contact, contact, now.AddMinutes(10), "call", 1,
            new Softswitch.Sip.Transport.SipEndPoint(Softswitch.Sip.Transport.SipTransportKind.Udp, new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 5070)),
            null, null, null, now, now);
    }

    [Test]
    public async Task Ring_all_rings_every_offered_agent_in_one_bridge_and_the_one_who_answered_takes_the_call()
    {
        Create(AcdStrategy.RingAll);
        _acd.Start(["1002", "1003"]);
        var channel = new ScriptedQueueChannel("call-1", request =>
        {
            request.Answered!("1003");
            return Task.FromResult(new BridgeResult(BridgeOutcome.PartyHungUp, "1003", TimeSpan.FromSeconds(30)));
        });
        var application = SilentQueues.Application(_acd, _time);

        await application.RunAsync(channel).WaitAsync(Wait);

        var bridge = channel.Bridges.Single();
        Assert.That((bridge.Destination, bridge.AlsoRing), Is.EqualTo(("1002", (IReadOnlyList<string>)["1003"])));
        Assert.That(((await Agent("1002")).State, (await Agent("1003")).State), Is.EqualTo((AgentState.Available, AgentState.Available)));
        Assert.That((await Agent("1003")).CallsAnswered, Is.EqualTo(1));
        Assert.That(channel.Fields["agent"], Is.EqualTo("1003"));
    }
}
