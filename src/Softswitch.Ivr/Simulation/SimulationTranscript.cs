using Softswitch.Ivr.Runtime;

namespace Softswitch.Ivr.Simulation;

/// <summary>The lines of a simulated call, kept (for tests) and written as they happen (for the command line).</summary>
public sealed class SimulationTranscript(TextWriter? output = null) : IFlowTrace
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines => _lines;

    public void Step(string line)
    {
        _lines.Add(line);
        output?.WriteLine(line);
    }
}
