using Softswitch.Ivr.Tests.Support;

namespace Softswitch.Ivr.Tests;

public sealed class CollectNodeTests : FlowTest
{
    private const string Collect = """
        nodes:
          account:
            collect: account
            prompt: enter
            min_length: 4
            max_length: 8
            pattern: "^9"
            retries: 1
            invalid_prompt: invalid
            timeout_prompt: timeout
            on_failure: gone
            next: thanks
          thanks:
            menu: menu
            keys:
              1: end
          gone:
            play: sorry
          end:
            hangup:
        """;

    [Test]
    public async Task Digits_up_to_the_terminator_go_into_the_variable()
    {
        var call = await RunAsync(Collect, "987654#,1");
        Assert.That(call.Lines, Does.Contain("set account = 987654"));
        Assert.That(call.Channel.RecordFields["ivr_keys"], Is.EqualTo("987654#,1"));
        Assert.That(call.Channel.RecordFields["ivr_variables"], Does.Contain("\"account\":\"987654\""));
    }

    [Test]
    public async Task An_entry_that_does_not_match_the_pattern_is_asked_again()
    {
        var call = await RunAsync(Collect, "123456#,987654#,1");
        Assert.That(call.Lines, Does.Contain("account: '123456' is not a valid entry"));
        Assert.That(call.PromptNames.Take(3), Is.EqualTo(new[] { "enter", "invalid", "menu" }));
        Assert.That(call.Channel.RecordFields["ivr_path"], Is.EqualTo("account:123456#:987654#,thanks:1,end"));
    }

    [Test]
    public async Task An_entry_shorter_than_min_length_is_invalid()
    {
        var call = await RunAsync(Collect, "99#,9999#,1");
        Assert.That(call.Channel.RecordFields["ivr_path"], Is.EqualTo("account:99#:9999#,thanks:1,end"));
    }

    [Test]
    public async Task Too_many_bad_entries_go_to_on_failure()
    {
        var call = await RunAsync(Collect, "1#,2#");
        Assert.That(call.Channel.RecordFields["ivr_path"], Is.EqualTo("account:1#:2#,gone"));
        Assert.That(call.Result, Is.EqualTo("hangup"));
    }

    [Test]
    public async Task An_entry_without_the_terminator_ends_after_the_inter_digit_timeout()
    {
        var call = await RunAsync(Collect, "98765,1");
        Assert.That(call.Lines, Does.Contain("no next key within 3s"));
        Assert.That(call.Lines, Does.Contain("set account = 98765"));
        Assert.That(Clock.GetUtcNow() - MondayTenInKualaLumpur, Is.EqualTo(TimeSpan.FromSeconds(3)));
    }

    [Test]
    public async Task A_short_pause_between_digits_keeps_the_entry_going()
    {
        var call = await RunAsync(Collect, "98,w2,765#,1");
        Assert.That(call.Lines, Does.Contain("set account = 98765"));
    }

    [Test]
    public async Task A_full_entry_followed_by_the_terminator_does_not_leave_the_terminator_for_the_next_menu()
    {
        var call = await RunAsync(Collect, "98765432#1");
        Assert.That(call.Channel.RecordFields["ivr_path"], Is.EqualTo("account:98765432#,thanks:1,end"));
    }

    [Test]
    public async Task Silence_plays_the_timeout_prompt_and_asks_again()
    {
        var call = await RunAsync(Collect, ",9999#,1");
        Assert.That(call.PromptNames.Take(2), Is.EqualTo(new[] { "enter", "timeout" }));
        Assert.That(call.Channel.RecordFields["ivr_path"], Is.EqualTo("account:-:9999#,thanks:1,end"));
    }
}
