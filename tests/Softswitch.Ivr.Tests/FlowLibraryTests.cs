using System.Diagnostics;
using Softswitch.Ivr.Loading;
using Softswitch.Ivr.Simulation;
using Softswitch.Ivr.Tests.Support;

namespace Softswitch.Ivr.Tests;

public sealed class FlowLibraryTests : FlowTest
{
    private static string Version(string prompt, string destination = "1001") => $"""
        nodes:
          ask:
            menu: {prompt}
            keys:
              1: dial
          dial:
            transfer: "{destination}"
        """;

    private FlowLibrary CreateLibrary() => new(Workspace.Flows, Workspace.Services(TimeProvider.System)) { ReloadDelay = TimeSpan.FromMilliseconds(100) };

    private static async Task<FlowFolderResult> NextReload(FlowLibrary library, Action change)
    {
        var reloaded = new TaskCompletionSource<FlowFolderResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        library.Reloaded += r => reloaded.TrySetResult(r);
        change();
        return await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    private static string MenuPrompt(FlowLibrary library) => ((Flows.MenuNode)library.Find("main")!.Nodes["ask"]).Settings.Prompt.Single().Name;

    [Test]
    public void Load_makes_every_flow_without_errors_live()
    {
        Workspace.WriteFlow("main", Version("menu")).WriteFlow("broken", "nodes:\n  a:\n    play: nowhere-recorded\n");
        using var library = CreateLibrary();
        var result = library.Load();
        Assert.That(library.Names, Is.EquivalentTo(new[] { "main" }));
        Assert.That(result.Rejected, Is.EqualTo(new[] { "broken" }));
        Assert.That(library.CreateApplication("main")!.Name, Is.EqualTo("flow main"));
        Assert.That(library.CreateApplication("broken"), Is.Null);
    }

    [Test]
    public async Task A_saved_change_is_live_for_new_calls_within_a_second()
    {
        Workspace.WriteFlow("main", Version("menu"));
        using var library = CreateLibrary();
        library.Load();
        library.StartWatching();
        var stopwatch = Stopwatch.StartNew();
        File.WriteAllText(Workspace.FlowFile("main"), Version("other-menu"));
        while (MenuPrompt(library) != "other-menu" && stopwatch.Elapsed < TimeSpan.FromSeconds(5)) await Task.Delay(20);
        Assert.That(MenuPrompt(library), Is.EqualTo("other-menu"));
        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public async Task A_broken_change_is_refused_with_its_errors_and_the_previous_version_stays_live()
    {
        Workspace.WriteFlow("main", Version("menu"));
        using var library = CreateLibrary();
        library.Load();
        var before = library.Find("main");
        library.StartWatching();
        var result = await NextReload(library, () => File.WriteAllText(Workspace.FlowFile("main"), Version("menu").Replace("1: dial", "1: dail")));
        Assert.That(result.Problems.Select(p => p.ToString()), Is.EqualTo(new[]
        {
            $"{Workspace.FlowFile("main")}:5:10: 'dail' names no node in this flow (did you mean 'dial'?)",
            $"{Workspace.FlowFile("main")}:6:3: warning: node 'dial' is never reached from 'ask'",
        }));
        Assert.That(library.Find("main"), Is.SameAs(before));
    }

    [Test]
    public async Task New_and_deleted_files_add_and_remove_flows()
    {
        Workspace.WriteFlow("main", Version("menu"));
        using var library = CreateLibrary();
        library.Load();
        library.StartWatching();
        await NextReload(library, () => Workspace.WriteFlow("sales", Version("hello")));
        Assert.That(library.Names, Is.EquivalentTo(new[] { "main", "sales" }));
        await NextReload(library, () => File.Delete(Workspace.FlowFile("sales")));
        Assert.That(library.Names, Is.EquivalentTo(new[] { "main" }));
    }

    [Test]
    public async Task A_call_that_started_on_one_version_finishes_on_it()
    {
        Workspace.WriteFlow("main", Version("menu", "1001"));
        using var library = CreateLibrary();
        library.Load();
        library.StartWatching();
        Assert.That(KeyScript.TryParse("1", out var script, out _));
        var transcript = new SimulationTranscript();
        var channel = new GatedChannel(new SimulatedChannel(script, Clock, transcript));
        var running = ((FlowApplication)library.CreateApplication("main", transcript)!).RunFlowAsync(channel);
        await channel.Reached.WaitAsync(TimeSpan.FromSeconds(5));

        await NextReload(library, () => File.WriteAllText(Workspace.FlowFile("main"), Version("other-menu", "1002")));
        Assert.That(MenuPrompt(library), Is.EqualTo("other-menu"), "new calls get the new version");
        channel.Open();
        Assert.That(await running.WaitAsync(TimeSpan.FromSeconds(5)), Is.EqualTo("transfer 1001"), "the call in the menu keeps the version it started on");
    }
}
