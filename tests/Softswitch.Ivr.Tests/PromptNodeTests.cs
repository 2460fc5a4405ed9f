using System.Text.Json;
using Softswitch.Ivr.Tests.Support;

namespace Softswitch.Ivr.Tests;

/// <summary>play, say, speak and language: what the caller hears.</summary>
public sealed class PromptNodeTests : FlowTest
{
    [Test]
    public async Task Play_without_barge_in_plays_to_the_end_and_keeps_the_keys_for_the_menu()
    {
        var call = await RunAsync("""
            nodes:
              hello:
                play: [welcome, hello]
                barge_in: false
                next: ask
              ask:
                menu: menu
                keys:
                  1: end
              end:
                hangup:
            """, "1");
        Assert.That(call.Lines, Does.Contain("play welcome, hello"));
        Assert.That(call.Lines, Does.Contain("play menu: interrupted, caller types 1"));
        Assert.That(call.Result, Is.EqualTo("hangup"));
    }

    [Test]
    public async Task Play_with_barge_in_stops_at_a_key_and_the_key_answers_the_next_menu()
    {
        var call = await RunAsync("""
            nodes:
              hello:
                play: welcome
                next: ask
              ask:
                menu: menu
                keys:
                  1: end
              end:
                hangup:
            """, "1");
        Assert.That(call.Lines, Does.Contain("play welcome: interrupted, caller types 1"));
        Assert.That(call.Lines, Does.Contain("play menu: cut short, key 1 already typed"));
        Assert.That(call.Channel.RecordFields["ivr_path"], Is.EqualTo("hello,ask:1,end"));
    }

    [Test]
    public async Task A_prompt_with_a_language_of_its_own_is_asked_for_in_that_language()
    {
        var call = await RunAsync("""
            languages: [en, ms]
            nodes:
              hello:
                play:
                  - { prompt: welcome, language: ms }
                  - { prompt: welcome, language: en }
            """, "");
        Assert.That(call.PromptNames, Is.EqualTo(new[] { "welcome@ms", "welcome@en" }));
    }

    [Test]
    public async Task Language_switches_the_call_and_the_language_variable()
    {
        var call = await RunAsync("""
            languages: [en, ms]
            nodes:
              malay:
                language: ms
                next: hello
              hello:
                play: hello
            """, "");
        Assert.That(call.Channel.Language, Is.EqualTo("ms"));
        Assert.That(call.Lines, Does.Contain("set language = ms"));
        Assert.That(call.Channel.RecordFields["ivr_variables"], Does.Contain("\"language\":\"ms\""));
    }

    [Test]
    public async Task Say_plays_the_number_prompts_of_the_calls_language()
    {
        Workspace.AddPrompts("en", FakeNumberSpeaker.Names).AddPrompts("ms", FakeNumberSpeaker.Names);
        var services = Services(s => s with { NumberSpeaker = new FakeNumberSpeaker() });
        var call = await RunAsync("""
            languages: [en, ms]
            variables:
              balance: "12.50"
            nodes:
              malay:
                language: ms
                next: total
              total:
                say: balance
                as: money
            """, "", services);
        Assert.That(call.Lines, Does.Contain("say money 12.50"));
        Assert.That(call.PromptNames, Is.EqualTo(new[] { "digits/1", "digits/2", "digits/5", "digits/0", "currency" }));
        Assert.That(call.Channel.RecordFields["ivr_path"], Is.EqualTo("malay,total:12.50"));
    }

    [Test]
    public async Task Say_of_a_value_the_speaker_cannot_read_plays_nothing_and_goes_on()
    {
        Workspace.AddPrompts("en", FakeNumberSpeaker.Names);
        var call = await RunAsync("""
            variables:
              balance: "lots"
            nodes:
              total:
                say: balance
                as: money
                next: bye
              bye:
                play: bye
            """, "", Services(s => s with { NumberSpeaker = new FakeNumberSpeaker() }));
        Assert.That(call.Lines, Does.Contain("total: cannot say 'lots' as money in en: 'lots' is not an amount"));
        Assert.That(call.PromptNames, Is.EqualTo(new[] { "bye" }));
    }

    [Test]
    public async Task Speak_plays_the_recorded_prompt_when_there_is_one()
    {
        var synthesizer = new FakeSpeechSynthesizer();
        var call = await RunAsync("""
            nodes:
              greet:
                speak: "Hello ${caller}"
                prompt: hello
            """, "", Services(s => s with { SpeechSynthesizer = synthesizer }));
        Assert.That(call.PromptNames, Is.EqualTo(new[] { "hello" }));
        Assert.That(synthesizer.Requests, Is.Empty);
    }

    [Test]
    public async Task Speak_synthesizes_the_text_with_its_variables_when_nothing_is_recorded()
    {
        var synthesizer = new FakeSpeechSynthesizer();
        var call = await RunAsync("""
            nodes:
              greet:
                speak: "Hello ${caller}, you dialled ${dialled}"
                prompt: not-recorded-yet
            """, "", Services(s => s with { SpeechSynthesizer = synthesizer }));
        Assert.That(synthesizer.Requests.Single(), Is.EqualTo(("Hello 60123456789, you dialled 500", "en")));
        Assert.That(call.PromptNames, Is.EqualTo(new[] { "/cache/en/1.wav" }));
        Assert.That(call.Lines, Does.Contain("speak: Hello 60123456789, you dialled 500"));
    }

    [Test]
    public async Task The_record_lists_what_the_caller_heard_in_order_with_its_language()
    {
        Workspace.AddPrompts("en", FakeNumberSpeaker.Names).AddPrompts("ms", FakeNumberSpeaker.Names);
        var call = await RunAsync("""
            languages: [en, ms]
            variables:
              balance: "12.50"
            nodes:
              hello:
                play:
                  - { prompt: welcome, language: en }
                  - hello
                next: malay
              malay:
                language: ms
                next: total
              total:
                say: balance
                as: money
                next: bye
              bye:
                play: bye
            """, "", Services(s => s with { NumberSpeaker = new FakeNumberSpeaker() }));
        Assert.That(Said(call), Is.EqualTo(new[]
        {
            "welcome@en", "hello@en", "digits/1@ms", "digits/2@ms", "digits/5@ms", "digits/0@ms", "currency@ms", "bye@ms",
        }));
    }

    [Test]
    public async Task A_synthesized_sentence_is_recorded_as_its_text_not_its_cache_file()
    {
        var call = await RunAsync("""
            nodes:
              greet:
                speak: "Hello ${caller}, goodbye"
                next: bye
              bye:
                play: bye
            """, "", Services(s => s with { SpeechSynthesizer = new FakeSpeechSynthesizer() }));
        Assert.That(Said(call), Is.EqualTo(new[] { "\"Hello 60123456789, goodbye\"@en", "bye@en" }));
    }

    [Test]
    public async Task A_prompt_cut_short_by_a_key_still_counts_as_heard()
    {
        var call = await RunAsync("""
            nodes:
              ask:
                menu: menu
                keys:
                  1: bye
              bye:
                play: bye
            """, "1");
        Assert.That(Said(call), Is.EqualTo(new[] { "menu@en", "bye@en" }));
    }

    [Test]
    public async Task A_flow_not_offered_in_the_calls_language_starts_in_its_first_language()
    {
        var call = await RunAsync("""
            languages: [ms]
            nodes:
              hello:
                play: hello
            """, "");
        Assert.That(call.Channel.Language, Is.EqualTo("ms"));
        Assert.That(call.Channel.RecordFields["ivr_variables"], Does.Contain("\"language\":\"ms\""));
    }

    private static string[] Said(SimulatedCall call) =>
        JsonSerializer.Deserialize<string[]>(call.Channel.RecordFields["ivr_said"])!;
}
