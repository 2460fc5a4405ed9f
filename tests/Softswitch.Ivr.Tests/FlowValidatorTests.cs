using Softswitch.Ivr.Simulation;
using Softswitch.Ivr.Tests.Support;

namespace Softswitch.Ivr.Tests;

public sealed class FlowValidatorTests
{
    private const string Office = """
        calendars:
          office:
            time_zone: Asia/Kuala_Lumpur
            hours:
              mon-fri: 09:00-18:00
        """;

    private static List<string> Check(string yaml, string? calendars = null, Softswitch.Ivr.Speech.INumberSpeaker? speaker = null, params (string Name, string Yaml)[] others)
    {
        using var workspace = new FlowWorkspace().AddPrompts("en", "welcome", "bye").WriteFlow("main", yaml);
        if (calendars is not null) workspace.WriteCalendars(calendars);
        foreach (var (name, text) in others) workspace.WriteFlow(name, text);
        var result = workspace.Load(workspace.Services(new SimulationClock(DateTimeOffset.UnixEpoch), speaker));
        return [.. result.Problems.Select(p => p.ToString().Replace(workspace.Flows + Path.DirectorySeparatorChar, "", StringComparison.Ordinal))];
    }

    [Test]
    public void A_clean_flow_has_no_problems()
    {
        Assert.That(Check("""
            nodes:
              hello:
                play: welcome
                next: ask
              ask:
                menu: welcome
                keys:
                  1: hello
                  2: end
              end:
                hangup:
            """), Is.Empty);
    }

    [Test]
    public void An_unknown_node_kind_is_reported_at_its_key()
    {
        Assert.That(Check("""
            nodes:
              hello:
                playy: welcome
            """).Single(), Does.StartWith("main.yaml:3:5: unknown node kind 'playy' in node 'hello'"));
    }

    [Test]
    public void An_unknown_key_is_reported_with_the_keys_the_kind_knows()
    {
        Assert.That(Check("""
            nodes:
              hello:
                play: welcome
                colour: red
            """).Single(), Is.EqualTo("main.yaml:4:5: unknown key 'colour' in a play node (known: barge_in, next, play)"));
    }

    [Test]
    public void A_bad_duration_is_reported_at_its_value()
    {
        Assert.That(Check("""
            nodes:
              ask:
                menu: welcome
                keys:
                  1: ask
                timeout: 5 seconds
            """).Single(), Is.EqualTo("main.yaml:6:14: bad duration '5 seconds' for timeout: write it like 500ms, 5s or 2m"));
    }

    [Test]
    public void A_next_that_names_no_node_is_reported_where_it_is_named()
    {
        Assert.That(Check("""
            nodes:
              hello:
                play: welcome
                next: askin
              asking:
                menu: welcome
                keys:
                  1: hello
            """), Is.EqualTo(new[]
        {
            "main.yaml:4:11: 'askin' names no node in this flow (did you mean 'asking'?)",
            "main.yaml:5:3: warning: node 'asking' is never reached from 'hello'",
        }));
    }

    [Test]
    public void A_prompt_missing_in_one_of_the_flows_languages_is_an_error()
    {
        var problems = Check("""
            languages: [en, ms]
            nodes:
              hello:
                play: welcome
            """);
        Assert.That(problems.Single(), Does.StartWith("main.yaml:4:11: prompt 'welcome' is not recorded in 'ms' ("));
        Assert.That(problems.Single(), Does.EndWith(Path.Combine("sounds", "ms", "welcome.wav") + " not found)"));
    }

    [Test]
    public void A_prompt_pinned_to_a_language_is_only_needed_in_that_language()
    {
        Assert.That(Check("""
            languages: [en, ms]
            nodes:
              hello:
                play: { prompt: welcome, language: en }
                next: ms
              ms:
                language: ms
            """), Is.Empty);
    }

    [Test]
    public void A_say_needs_every_number_prompt_of_each_language()
    {
        var problems = Check("""
            nodes:
              total:
                say: amount
                as: money
            """, speaker: new FakeNumberSpeaker());
        Assert.That(problems.Single(), Is.EqualTo("main.yaml:2:3: say needs number prompts not recorded in 'en': currency, digits/0, digits/1, digits/2, digits/3 and 6 more"));
    }

    [Test]
    public void An_unreachable_node_is_only_a_warning()
    {
        Assert.That(Check("""
            nodes:
              hello:
                play: welcome
              orphan:
                play: bye
            """).Single(), Is.EqualTo("main.yaml:4:3: warning: node 'orphan' is never reached from 'hello'"));
    }

    [Test]
    public void A_loop_that_never_waits_for_the_caller_is_an_error()
    {
        Assert.That(Check("""
            nodes:
              a:
                play: welcome
                next: b
              b:
                set: { tries: "1" }
                next: a
            """).Single(), Is.EqualTo("main.yaml:2:3: loop that never waits for the caller: a -> b -> a (put a menu or collect in it)"));
    }

    [Test]
    public void A_loop_through_a_menu_is_fine()
    {
        Assert.That(Check("""
            nodes:
              a:
                play: welcome
                next: ask
              ask:
                menu: welcome
                keys:
                  1: a
            """), Is.Empty);
    }

    [Test]
    public void A_bad_regular_expression_is_reported_at_its_value()
    {
        Assert.That(Check("""
            nodes:
              ask:
                collect: account
                pattern: "[0-9"
            """).Single(), Does.StartWith("main.yaml:4:14: bad regular expression for pattern:"));
    }

    [Test]
    public void An_unknown_calendar_is_reported_with_the_known_ones()
    {
        Assert.That(Check("""
            nodes:
              check:
                hours: shop
                open: done
                closed: done
              done:
                hangup:
            """, Office).Single(), Is.EqualTo("main.yaml:3:12: unknown calendar 'shop' (known: office)"));
    }

    [Test]
    public void A_bad_time_zone_is_reported_in_calendars_yaml()
    {
        var problems = Check("""
            nodes:
              check:
                hours: office
                open: done
                closed: done
              done:
                hangup:
            """, """
            calendars:
              office:
                time_zone: Asia/Kuala_Lumpa
                hours:
                  mon-fri: 9-6
            """);
        Assert.That(problems, Is.EqualTo(new[]
        {
            "calendars.yaml:3:16: unknown time zone 'Asia/Kuala_Lumpa' (use an IANA name such as Asia/Kuala_Lumpur or Asia/Jakarta)",
            "calendars.yaml:5:16: hours must be 'closed' or times like 09:00-18:00 (several: 09:00-12:00, 14:00-18:00; 24:00 ends at midnight)",
            "main.yaml:3:12: unknown calendar 'office' (calendars.yaml defines none)",
        }));
    }

    [Test]
    public void A_queue_node_needs_a_queue_and_a_priority_in_range()
    {
        Assert.That(Check("""
            nodes:
              wait:
                queue: sales
                priority: 101
            """).Single(), Does.StartWith("main.yaml:4:15: priority"));
    }

    [Test]
    public void Text_that_is_not_yaml_is_reported_where_the_parser_stopped()
    {
        Assert.That(Check("""
            nodes:
              hello:
                play: [welcome
            """).Single(), Does.Match(@"^main\.yaml:\d+:\d+: not valid YAML: "));
    }

    [Test]
    public void A_transfer_to_a_flow_that_does_not_exist_is_an_error()
    {
        var flow = """
            nodes:
              go:
                transfer: { flow: sales }
            """;
        Assert.That(Check(flow).Single(), Is.EqualTo("main.yaml:3:23: transfer to flow 'sales', but there is no sales.yaml beside this flow"));
        Assert.That(Check(flow, others: ("sales", "nodes:\n  hello:\n    play: welcome\n")), Is.Empty);
    }

    [Test]
    public void A_node_with_two_kinds_is_an_error()
    {
        Assert.That(Check("""
            nodes:
              hello:
                play: welcome
                hangup:
            """).Single(), Is.EqualTo("main.yaml:4:5: node 'hello' has two kinds, play and hangup: split it into two nodes"));
    }

    [Test]
    public void A_repeat_key_that_is_also_a_menu_key_is_an_error()
    {
        Assert.That(Check("""
            nodes:
              ask:
                menu: welcome
                keys:
                  "*": ask
                repeat_key: "*"
            """).Single(), Is.EqualTo("main.yaml:6:17: repeat_key '*' is also one of the menu's keys"));
    }

    [Test]
    public void A_menu_without_keys_is_an_error()
    {
        Assert.That(Check("""
            nodes:
              ask:
                menu: welcome
                keys: {}
            """).Single(), Is.EqualTo("main.yaml:4:11: a menu needs at least one key"));
    }

    [Test]
    public void A_missing_colon_is_reported_as_a_yaml_error_with_its_position()
    {
        var problem = Check("""
            nodes:
              hello:
                play welcome
                next: bye
            """).Single();
        Assert.That(problem, Does.StartWith("main.yaml:4:"));
        Assert.That(problem, Does.Contain("not valid YAML").And.EndWith("(does a line above lack the ':' after its key?)"));
    }
}
