using Softswitch.Ivr.Tests.Support;

namespace Softswitch.Ivr.Tests;

public sealed class MenuNodeTests : FlowTest
{
    private const string Menu = """
        nodes:
          ask:
            menu: menu
            keys:
              1: one
              2: two
            retries: 1
            invalid_prompt: invalid
            timeout_prompt: timeout
            on_failure: gone
          one:
            play: hello
            next: end
          two:
            play: bye
            next: end
          gone:
            play: sorry
            next: end
          end:
            hangup:
        """;

    [Test]
    public async Task A_key_pressed_during_the_prompt_barges_in_and_picks_the_choice()
    {
        var call = await RunAsync(Menu, "2");
        Assert.That(call.Lines, Does.Contain("play menu: interrupted, caller types 2"));
        Assert.That(call.PromptNames, Is.EqualTo(new[] { "menu", "bye" }));
        Assert.That(call.Result, Is.EqualTo("hangup"));
        Assert.That(call.Channel.HungUpBySwitch, Is.True);
        Assert.That(call.Lines[^1], Is.EqualTo("hangup"));
    }

    [Test]
    public async Task A_wrong_key_plays_the_invalid_prompt_and_offers_the_menu_again()
    {
        var call = await RunAsync(Menu, "7,1");
        Assert.That(call.Channel.RecordFields["ivr_path"], Is.EqualTo("ask:7:1,one,end"));
        Assert.That(call.Lines, Does.Contain("play invalid: interrupted, caller types 1"));
    }

    [Test]
    public async Task Too_many_wrong_keys_go_to_on_failure()
    {
        var call = await RunAsync(Menu, "7,8");
        Assert.That(call.Channel.RecordFields["ivr_path"], Is.EqualTo("ask:7:8,gone,end"));
        Assert.That(call.PromptNames.Last(), Is.EqualTo("sorry"));
        Assert.That(call.Channel.RecordFields["ivr_keys"], Is.EqualTo("7,8"));
    }

    [Test]
    public async Task Silence_plays_the_timeout_prompt_after_the_menu_timeout()
    {
        var call = await RunAsync(Menu, ",1");
        Assert.That(call.Lines, Does.Contain("no key within 5s"));
        Assert.That(call.Lines, Does.Contain("play timeout: interrupted, caller types 1"));
        Assert.That(Clock.GetUtcNow() - MondayTenInKualaLumpur, Is.EqualTo(TimeSpan.FromSeconds(5)));
        Assert.That(call.Channel.RecordFields["ivr_path"], Is.EqualTo("ask:-:1,one,end"));
    }

    [Test]
    public async Task A_pause_longer_than_the_timeout_times_out_and_the_keys_after_it_still_count()
    {
        var call = await RunAsync(Menu, "w7,1");
        Assert.That(call.Channel.RecordFields["ivr_path"], Is.EqualTo("ask:-:1,one,end"));
        Assert.That(Clock.GetUtcNow() - MondayTenInKualaLumpur, Is.EqualTo(TimeSpan.FromSeconds(7)));
    }

    [Test]
    public async Task The_repeat_key_plays_the_menu_again_without_counting_a_failure()
    {
        var call = await RunAsync(Menu.Replace("retries: 1", "retries: 0").Replace("on_failure: gone", "on_failure: gone\n    repeat_key: \"*\""), "*,1");
        Assert.That(call.Channel.RecordFields["ivr_path"], Is.EqualTo("ask:*:1,one,end"));
        Assert.That(call.PromptNames, Is.EqualTo(new[] { "menu", "menu", "hello" }));
    }

    [Test]
    public async Task The_back_key_returns_to_the_menu_the_caller_came_from()
    {
        var call = await RunAsync("""
            nodes:
              first:
                menu: menu
                keys:
                  1: end
                  2: second
              second:
                menu: other-menu
                keys:
                  1: end
                back_key: "#"
              end:
                hangup:
            """, "2,#,1");
        Assert.That(call.Channel.RecordFields["ivr_path"], Is.EqualTo("first:2,second:#,first:1,end"));
    }

    [Test]
    public async Task Keys_of_two_digits_wait_for_the_second_digit()
    {
        const string yaml = """
            nodes:
              ask:
                menu: menu
                keys:
                  1: one
                  12: twelve
                inter_digit_timeout: 2s
              one:
                play: hello
              twelve:
                play: bye
            """;
        var single = await RunAsync(yaml, "1");
        Assert.That(single.Channel.RecordFields["ivr_path"], Is.EqualTo("ask:1,one"));
        Assert.That(single.Lines, Does.Contain("no next key within 2s"));
        var both = await RunAsync(yaml, "12");
        Assert.That(both.Channel.RecordFields["ivr_path"], Is.EqualTo("ask:12,twelve"));
    }

    [Test]
    public async Task A_caller_who_hangs_up_in_the_menu_ends_the_flow_there()
    {
        var call = await RunAsync(Menu, "");
        Assert.That(call.Result, Is.EqualTo("caller hung up in ask"));
        Assert.That(call.Channel.HungUpBySwitch, Is.False);
        Assert.That(call.Channel.RecordFields["ivr_result"], Is.EqualTo("caller hung up in ask"));
    }
}
