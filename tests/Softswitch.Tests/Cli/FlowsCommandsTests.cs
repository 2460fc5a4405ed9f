using System.Collections;
using Softswitch.Cli;
using Softswitch.Ivr.Speech;
using Softswitch.Tests.Support;

namespace Softswitch.Tests.Cli;

public sealed class FlowsCommandsTests
{
    private static readonly string[] DemoPrompts =
    [
        "welcome", "lang-menu", "main-menu", "enter-account", "balance-is", "lookup-failed", "closed", "leave-message",
        "transferring", "invalid", "timeout", "goodbye", "unavailable",
    ];

    /// <summary>
    /// A folder holding a copy of the demo flow in <paramref name="flows"/> and (unless told otherwise) its prompts and
    /// the number prompts in en, ms and id in <paramref name="sounds"/>.
    /// </summary>
    private static TempFolder DemoFolder(bool withPrompts = true, string flows = "ivr-flows", string sounds = "sounds")
    {
        var folder = new TempFolder();
        var repository = RepositoryRoot();
        foreach (var file in new[] { "main.yaml", "calendars.yaml" })
        {
            folder.Write(Path.Combine(flows, file), File.ReadAllText(Path.Combine(repository, "ivr-flows", file)));
        }

        if (withPrompts)
        {
            foreach (var language in new[] { "en", "ms", "id" })
            {
                foreach (var prompt in DemoPrompts.Concat(new SpokenNumbers().PromptNames(language)))
                {
                    folder.Write(Path.Combine(sounds, language, prompt + ".wav"), "RIFF");
                }
            }
        }

        return folder;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ivr-flows", "main.yaml"))) return folder.FullName;
        }

        throw new DirectoryNotFoundException("ivr-flows/main.yaml not found above the test folder");
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(TempFolder folder, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var code = await SoftswitchCli.RunAsync(args, output, error, new Hashtable(), folder.Path);
        return (code, output.ToString(), error.ToString());
    }

    [Test]
    public async Task Check_passes_the_demo_flow_when_its_prompts_exist()
    {
        using var folder = DemoFolder();
        var (code, output, error) = await RunAsync(folder, "flows", "check");
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Is.EqualTo("ivr-flows: 1 flow OK (main)\n"));
    }

    [Test]
    public async Task Check_prints_each_problem_as_file_line_column_and_exits_1()
    {
        using var folder = DemoFolder(withPrompts: false);
        folder.Write(Path.Combine("flows", "sales.yaml"), "nodes:\n  hello:\n    play: welcome\n    next: nowhere\n");
        var (code, _, error) = await RunAsync(folder, "flows", "check", "flows", "--sounds", "sounds");
        Assert.That(code, Is.EqualTo(1));
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Does.StartWith($"{Path.Combine("flows", "sales.yaml")}:3:11: prompt 'welcome' is not recorded in 'en'"));
        Assert.That(lines[1], Is.EqualTo($"{Path.Combine("flows", "sales.yaml")}:4:11: 'nowhere' names no node in this flow"));
        Assert.That(lines[^1], Is.EqualTo("softswitch: flows: 2 errors in 1 flow"));
    }

    [Test]
    public async Task Check_without_a_folder_uses_the_folders_the_configuration_names()
    {
        using var folder = DemoFolder(flows: "flows-here", sounds: "prompts-here");
        folder.Write(Path.Combine("configs", "softswitch.yaml"), "ivr:\n  flows: flows-here\n  sounds: prompts-here\n");
        var (code, output, error) = await RunAsync(folder, "flows", "check");
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Is.EqualTo("flows-here: 1 flow OK (main)\n"));
    }

    [Test]
    public async Task Check_reads_the_folders_from_the_config_option_and_its_overrides()
    {
        using var folder = DemoFolder(flows: "other-flows", sounds: "other-sounds");
        folder.Write("elsewhere.yaml", "ivr:\n  flows: nothing-here\n  sounds: other-sounds\n");
        var (code, output, error) = await RunAsync(folder, "flows", "check", "--config", "elsewhere.yaml", "--ivr:flows=other-flows");
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Is.EqualTo("other-flows: 1 flow OK (main)\n"));
    }

    [Test]
    public async Task A_folder_on_the_command_line_wins_over_the_configuration()
    {
        using var folder = DemoFolder();
        folder.Write(Path.Combine("configs", "softswitch.yaml"), "ivr:\n  flows: nothing-here\n  sounds: nothing-either\n");
        var (code, output, error) = await RunAsync(folder, "flows", "check", "ivr-flows", "--sounds", "sounds");
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Is.EqualTo("ivr-flows: 1 flow OK (main)\n"));
    }

    [Test]
    public async Task A_config_option_naming_no_file_says_so()
    {
        using var folder = DemoFolder();
        var (code, _, error) = await RunAsync(folder, "flows", "check", "--config", "missing.yaml");
        Assert.That((code, error), Is.EqualTo((1, "softswitch: missing.yaml: configuration file not found\n")));
    }

    [Test, Description("The same check as start-up: a say needs the number prompts of each language the flow uses")]
    public async Task Check_reports_missing_number_prompts_as_start_up_does()
    {
        using var folder = DemoFolder();
        File.Delete(Path.Combine(folder.Path, "sounds", "id", "numbers", "7.wav"));
        var (code, _, error) = await RunAsync(folder, "flows", "check");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Does.Contain("say needs number prompts not recorded in 'id': numbers/7"));
    }

    [Test, Description("espeak-ng need not be installed: a speak with nothing recorded is fine to check and is printed by the simulator")]
    public async Task Speak_without_a_recording_is_checked_and_simulated_without_synthesis()
    {
        using var folder = DemoFolder();
        folder.Write(Path.Combine("ivr-flows", "hello.yaml"), "nodes:\n  greet:\n    speak: \"Hello ${caller}\"\n    next: bye\n  bye:\n    hangup:\n");
        var (code, output, error) = await RunAsync(folder, "flows", "check");
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Is.EqualTo("ivr-flows: 2 flows OK (hello, main)\n"));
        (code, output, error) = await RunAsync(folder, "flows", "simulate", "hello", "--keys", "", "--caller", "601");
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Does.Contain("speak: Hello 601"));
    }

    [Test]
    public async Task Simulate_uses_the_folders_the_configuration_names()
    {
        using var folder = DemoFolder(flows: "flows-here", sounds: "prompts-here");
        folder.Write(Path.Combine("configs", "softswitch.yaml"), "ivr:\n  flows: flows-here\n  sounds: prompts-here\n");
        var (code, output, error) = await RunAsync(folder, "flows", "simulate", "main", "--keys", "2,2", "--at", "2026-11-23T10:00+08:00");
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1], Is.EqualTo("queue support"));
    }

    [Test]
    public async Task Check_of_a_missing_folder_says_so()
    {
        using var folder = new TempFolder();
        var (code, _, error) = await RunAsync(folder, "flows", "check", "nothing-here");
        Assert.That((code, error), Is.EqualTo((1, "softswitch: nothing-here: no such folder\n")));
    }

    [Test]
    public async Task Simulate_prints_the_call_step_by_step_and_ends_with_the_destination()
    {
        using var folder = DemoFolder();
        var (code, output, error) = await RunAsync(folder, "flows", "simulate", "main", "--keys", "2,2", "--at", "2026-11-23T10:00+08:00", "--caller", "60198765432");
        Assert.That(code, Is.EqualTo(0), error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Is.EqualTo("call from 60198765432 to 500 at 2026-11-23 02:00 UTC, flow main"));
        Assert.That(lines, Does.Contain("hours office: open (Mon 2026-11-23 10:00 Asia/Kuala_Lumpur)"));
        Assert.That(lines, Does.Contain("set language = en"));
        Assert.That(lines, Does.Contain("wait in queue support: an agent answers (simulated), talk 30s"));
        Assert.That(lines[^1], Is.EqualTo("queue support"));
    }

    [Test]
    public async Task Simulate_at_night_reaches_voicemail()
    {
        using var folder = DemoFolder();
        var (code, output, _) = await RunAsync(folder, "flows", "simulate", "main", "--keys", "w10,#", "--at", "2026-11-23T22:00+08:00");
        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Does.Contain("voicemail 1001: message kept (simulated, nothing stored)"));
        Assert.That(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1], Is.EqualTo("hangup"));
    }

    [TestCase("--keys", "2,x", "softswitch: --keys: 'x' is not keys: use 0-9, *, # (groups separated by commas, w5 for a pause)\n", 2)]
    [TestCase("--at", "tomorrow", "softswitch: --at 'tomorrow' is not a time: use 2026-11-23T10:00+08:00 (UTC unless it ends in Z or an offset)\n", 2)]
    public async Task Simulate_refuses_unusable_options(string option, string value, string message, int exitCode)
    {
        using var folder = DemoFolder();
        string[] args = option == "--keys" ? ["flows", "simulate", "main", "--keys", value] : ["flows", "simulate", "main", "--keys", "1", option, value];
        var (code, _, error) = await RunAsync(folder, args);
        Assert.That((code, error), Is.EqualTo((exitCode, message)));
    }

    [Test]
    public async Task Simulate_of_an_unknown_flow_lists_the_flows_there_are()
    {
        using var folder = DemoFolder();
        var (code, _, error) = await RunAsync(folder, "flows", "simulate", "sales", "--keys", "");
        Assert.That((code, error), Is.EqualTo((1, "softswitch: no flow sales in ivr-flows (flows: main)\n")));
    }

    [TestCase(new[] { "flows" }, "flows needs 'check [DIR]' or 'simulate FLOW --keys KEYS'")]
    [TestCase(new[] { "flows", "simulate", "main" }, "flows simulate needs --keys KEYS (\"\" for none)")]
    [TestCase(new[] { "flows", "check", "--keys", "1" }, "unknown option '--keys' (configuration keys look like --section:key=value)")]
    public void Unusable_flows_arguments_are_explained(string[] args, string message) =>
        Assert.That(CliArguments.Parse(args).Error, Is.EqualTo(message));

    [Test]
    public void Simulate_takes_its_options_in_any_order()
    {
        var parsed = CliArguments.Parse(["flows", "simulate", "main", "--caller=601", "--keys", "2,3", "--at", "2026-11-23T10:00+08:00", "--flows", "f", "--sounds", "s"]);
        Assert.That(parsed.Error, Is.Null);
        Assert.That((parsed.Command, parsed.FlowName, parsed.Keys, parsed.At, parsed.Caller, parsed.FlowsFolder, parsed.SoundsFolder),
            Is.EqualTo((CliCommand.FlowsSimulate, "main", "2,3", "2026-11-23T10:00+08:00", "601", "f", "s")));
    }
}
