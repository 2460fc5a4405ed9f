using Softswitch.Ivr.Simulation;

namespace Softswitch.Ivr.Tests.Support;

/// <summary>What a simulated call did: how it left the flow, the channel (prompts, record fields) and the printed lines.</summary>
public sealed record SimulatedCall(string Result, SimulatedChannel Channel, IReadOnlyList<string> Lines)
{
    public IEnumerable<string> PromptNames => Channel.Played.Select(p => p.Language is null ? p.Name ?? p.File! : $"{p.Name}@{p.Language}");
}
