using Softswitch.Ivr.Tests.Support;

namespace Softswitch.Ivr.Tests;

/// <summary>Voicemail access as a flow: a PIN opens the caller's box, its messages are played, saved and deleted.</summary>
public sealed class MailboxNodeTests : FlowTest
{
    private const string Access = """
        nodes:
          pin:
            collect: pin
            prompt: enter
            max_length: 8
            next: open
          open:
            mailbox: open
            pin: ${pin}
            time_zone: Asia/Kuala_Lumpur
            next: counts
            on_failure: sorry
          counts:
            say: mailbox_new
            next: play
          play:
            mailbox: play
            next: choice
            on_empty: bye
          choice:
            menu: menu
            keys:
              1: play
              2: save
              7: delete
              "#": next
          save:
            mailbox: save
            next: next
          delete:
            mailbox: delete
            next: next
          next:
            mailbox: next
            next: play
            on_empty: bye
          sorry:
            play: sorry
          bye:
            play: bye
        """;

    // The box is the simulated caller's own number (the open node's default box). Left in UTC on 22 November 16:30 and 23 November 01:15: 23 November 00:30 and 09:15 in Kuala Lumpur.
    private FakeMailboxes _box = null!;

    [SetUp]
    public void CreateBox() => _box = new("60123456789", "4826",
        new MailboxMessage("1001", "7", "/vm/1001/a.wav", "1002", "Bob", new DateTimeOffset(2026, 11, 22, 16, 30, 0, TimeSpan.Zero), TimeSpan.FromSeconds(12), IsNew: true),
        new MailboxMessage("1001", "8", "/vm/1001/b.wav", "60123456789", null, new DateTimeOffset(2026, 11, 23, 1, 15, 0, TimeSpan.Zero), TimeSpan.FromSeconds(4), IsNew: false));

    private FlowTestServices Mailboxes => new(Services(s => s with { Mailboxes = _box }));

    [Test]
    public async Task The_right_pin_opens_the_callers_own_box_and_the_first_message_is_played_with_its_caller_and_local_date()
    {
        var call = await RunAsync(Access, "4826#,w1", Mailboxes.Value);

        Assert.That(call.Lines, Does.Contain("set mailbox_new = 1").And.Contain("set mailbox_saved = 1"));
        Assert.That(call.Lines, Does.Contain("set message_caller = 1002").And.Contain("set message_date = 2026-11-23").And.Contain("set message_time = 00:30"));
        Assert.That(call.PromptNames, Does.Contain("/vm/1001/a.wav"));
    }

    [Test]
    public async Task A_wrong_pin_goes_to_on_failure_and_opens_nothing()
    {
        var call = await RunAsync(Access, "1111#", Mailboxes.Value);

        Assert.That(call.PromptNames, Is.EqualTo(new[] { "enter", "sorry" }));
        Assert.That(call.Lines, Does.Not.Contain("set mailbox_new = 1"));
    }

    [Test]
    public async Task Save_keeps_the_new_message_then_next_plays_the_saved_one_and_the_end_says_goodbye()
    {
        var call = await RunAsync(Access, "4826#,2,#", Mailboxes.Value);

        Assert.That(_box.Saved, Is.EqualTo(new[] { "7" }));
        Assert.That(_box.Deleted, Is.Empty);
        Assert.That(call.Lines, Does.Contain("set mailbox_new = 0").And.Contain("set message_caller = 60123456789").And.Contain("set message_time = 09:15"));
        Assert.That(call.PromptNames.Where(p => p.StartsWith("/vm/", StringComparison.Ordinal)), Is.EqualTo(new[] { "/vm/1001/a.wav", "/vm/1001/b.wav" }));
        Assert.That(call.PromptNames.Last(), Is.EqualTo("bye"));
    }

    [Test]
    public async Task Delete_removes_the_message_and_the_counts_follow()
    {
        var call = await RunAsync(Access, "4826#,7,7", Mailboxes.Value);

        Assert.That(_box.Deleted, Is.EqualTo(new[] { "7", "8" }));
        Assert.That(call.Lines, Does.Contain("set mailbox_saved = 0"));
        Assert.That(call.Lines.Count(l => l == "set mailbox_new = 0"), Is.GreaterThan(0));
        Assert.That(call.PromptNames.Last(), Is.EqualTo("bye"));
    }

    [Test]
    public async Task Without_mailbox_access_open_fails()
    {
        var call = await RunAsync(Access, "4826#");

        Assert.That(call.PromptNames, Is.EqualTo(new[] { "enter", "sorry" }));
    }

    [TestCase("nodes:\n  a:\n    mailbox: listen\n", "mailbox must be one of open, play, next, save, delete, not 'listen'")]
    [TestCase("nodes:\n  a:\n    mailbox: open\n", "mailbox: open needs a pin (e.g. pin: ${pin} after a collect)")]
    [TestCase("nodes:\n  a:\n    mailbox: play\n    pin: \"1\"\n", "pin belongs to mailbox: open, not mailbox: play")]
    [TestCase("nodes:\n  a:\n    mailbox: play\n", "mailbox: play needs a mailbox: open in this flow (it acts on the box that opened)")]
    [TestCase("nodes:\n  a:\n    mailbox: open\n    pin: \"1\"\n    time_zone: Mars/Olympus\n", "'Mars/Olympus' is not a time zone (an IANA name such as Asia/Kuala_Lumpur)")]
    public void Mistakes_in_a_mailbox_node_are_errors(string yaml, string message)
    {
        Workspace.WriteFlow("main", yaml);

        var problems = Workspace.Load(Services()).Problems;

        Assert.That(problems.Select(p => p.Message), Does.Contain(message));
    }

    /// <summary>Services with the fake box, built lazily so each test's workspace is used.</summary>
    private sealed record FlowTestServices(Runtime.FlowServices Value);
}
