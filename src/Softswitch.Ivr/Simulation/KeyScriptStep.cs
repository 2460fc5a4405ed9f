namespace Softswitch.Ivr.Simulation;

/// <summary>One step of a <see cref="KeyScript"/>: keys typed together, or (with empty keys and a length) a pause.</summary>
public readonly record struct KeyScriptStep(string Keys, TimeSpan Pause)
{
    public bool IsPause => Pause > TimeSpan.Zero;
}
