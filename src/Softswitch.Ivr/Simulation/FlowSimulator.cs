using Softswitch.Ivr.Flows;
using Softswitch.Ivr.Runtime;

namespace Softswitch.Ivr.Simulation;

/// <summary>Runs one call through a flow on a <see cref="SimulatedChannel"/>, as <c>softswitch flows simulate</c> does.</summary>
public static class FlowSimulator
{
    /// <summary>
    /// Runs <paramref name="flow"/> with <paramref name="script"/>, printing each step to <paramref name="transcript"/>;
    /// <paramref name="services"/>' clock must be the <paramref name="clock"/> the channel moves. Returns how the call
    /// left the flow, which is also the transcript's last line.
    /// </summary>
    public static Task<string> RunAsync(
        Flow flow,
        Func<string, Flow?> resolveFlow,
        FlowServices services,
        SimulationClock clock,
        KeyScript script,
        SimulationTranscript transcript,
        string caller,
        string dialled = "500")
    {
        var channel = new SimulatedChannel(script, clock, transcript)
        {
            Caller = caller,
            Dialled = dialled,
            Language = services.DefaultLanguage,
        };
        transcript.Step($"call from {(caller.Length == 0 ? "a withheld number" : caller)} to {dialled} at {clock.GetUtcNow():yyyy-MM-dd HH:mm} UTC, flow {flow.Name}");
        return new FlowApplication(flow, services, resolveFlow, transcript).RunFlowAsync(channel);
    }
}
