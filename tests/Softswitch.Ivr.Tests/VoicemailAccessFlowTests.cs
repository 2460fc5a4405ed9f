using Softswitch.Ivr.Simulation;
using Softswitch.Ivr.Tests.Support;

namespace Softswitch.Ivr.Tests;

/// <summary>The committed voicemail access flow (ivr-flows/voicemail.yaml, dialled as *97) on a simulated call with a fake mailbox.</summary>
public sealed class VoicemailAccessFlowTests
{
    private static readonly string[] Prompts =
    [
        "vm-enter-pin", "vm-wrong-pin", "vm-you-have", "vm-new-messages", "vm-saved-messages", "vm-message", "vm-from", "vm-received", "vm-at",
        "vm-options", "vm-saved", "vm-deleted", "vm-no-more", "timeout", "goodbye",
    ];

    private FlowWorkspace _workspace = null!;
    private FakeMailboxes _box = null!;

    [SetUp]
    public void CopyTheFlow()
    {
        _workspace = new FlowWorkspace();
        File.Copy(Path.Combine(DemoFlowTests.RepositoryRoot(), "ivr-flows", "voicemail.yaml"), _workspace.FlowFile("voicemail"));
        _workspace.AddPrompts("en", Prompts).AddPrompts("en", FakeNumberSpeaker.Names);
        _box = new FakeMailboxes("60123456789", "4826",
            new MailboxMessage("60123456789", "7", "/vm/a.wav", "1002", null, new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero), TimeSpan.FromSeconds(9), IsNew: true),
            new MailboxMessage("60123456789", "8", "/vm/b.wav", "1003", null, new DateTimeOffset(2026, 11, 20, 1, 0, 0, TimeSpan.Zero), TimeSpan.FromSeconds(5), IsNew: false));
    }

    [TearDown]
    public void Delete() => _workspace.Dispose();

    [Test]
    public void The_flow_checks_clean()
    {
        var loaded = _workspace.Load(_workspace.Services(TimeProvider.System, new FakeNumberSpeaker()) with { Mailboxes = _box });

        Assert.That(loaded.Problems, Is.Empty);
    }

    [Test]
    public async Task The_owner_hears_the_counts_then_deletes_the_new_message_and_skips_the_saved_one_to_the_end()
    {
        var call = await CallAsync("4826#,7,#");

        Assert.That(_box.Deleted, Is.EqualTo(new[] { "7" }));
        Assert.That(call.Lines, Does.Contain("say number 1").And.Contain("say digits 1002").And.Contain("say date 2026-11-23").And.Contain("say time 09:00"));
        Assert.That(call.PromptNames, Does.Contain("/vm/a.wav").And.Contain("vm-deleted").And.Contain("/vm/b.wav"));
        Assert.That(call.PromptNames.TakeLast(2), Is.EqualTo(new[] { "vm-no-more", "goodbye" }));
        Assert.That(call.Channel.HungUpBySwitch, Is.True);
    }

    [Test]
    public async Task Saving_keeps_the_message_and_says_so()
    {
        var call = await CallAsync("4826#,2,#");

        Assert.That(_box.Saved, Is.EqualTo(new[] { "7" }));
        Assert.That(_box.Deleted, Is.Empty);
        Assert.That(call.PromptNames, Does.Contain("vm-saved"));
    }

    [Test]
    public async Task A_wrong_pin_ends_the_call_without_opening_the_box()
    {
        var call = await CallAsync("1234#");

        Assert.That(call.PromptNames, Is.EqualTo(new[] { "vm-enter-pin", "vm-wrong-pin", "goodbye" }));
        Assert.That(call.Lines, Has.None.StartsWith("set mailbox_new"));
    }

    private Task<SimulatedCall> CallAsync(string keys)
    {
        var clock = new SimulationClock(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8)));
        return _workspace.RunAsync("voicemail", keys, _workspace.Services(clock, new FakeNumberSpeaker()) with { Mailboxes = _box }, clock);
    }
}
