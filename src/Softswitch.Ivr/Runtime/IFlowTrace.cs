namespace Softswitch.Ivr.Runtime;

/// <summary>Receives a flow's steps as lines (the simulator prints them; a live call needs none).</summary>
public interface IFlowTrace
{
    void Step(string line);
}
