using Softswitch.Ivr.Runtime;
using Softswitch.Ivr.Simulation;

namespace Softswitch.Ivr.Tests.Support;

/// <summary>Base for tests that run small flows: a workspace with common prompts in en and ms, and a clock on Monday 10:00 in Kuala Lumpur.</summary>
public abstract class FlowTest
{
    public static readonly DateTimeOffset MondayTenInKualaLumpur = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8));

    protected FlowWorkspace Workspace { get; private set; } = null!;

    protected SimulationClock Clock { get; private set; } = null!;

    [SetUp]
    public void CreateWorkspace()
    {
        Workspace = new FlowWorkspace();
        foreach (var language in new[] { "en", "ms" })
        {
            Workspace.AddPrompts(language, "welcome", "menu", "other-menu", "invalid", "timeout", "bye", "enter", "hello", "sorry");
        }

        Clock = new SimulationClock(MondayTenInKualaLumpur);
    }

    [TearDown]
    public void DeleteWorkspace() => Workspace.Dispose();

    protected FlowServices Services(Func<FlowServices, FlowServices>? change = null)
    {
        var services = Workspace.Services(Clock);
        return change is null ? services : change(services);
    }

    /// <summary>Writes <paramref name="yaml"/> as flow <c>main</c> and runs it with <paramref name="keys"/>.</summary>
    protected Task<SimulatedCall> RunAsync(string yaml, string keys, FlowServices? services = null, Action<SimulatedChannel>? setUp = null)
    {
        Workspace.WriteFlow("main", yaml);
        return Workspace.RunAsync("main", keys, services ?? Services(), Clock, setUp);
    }
}
