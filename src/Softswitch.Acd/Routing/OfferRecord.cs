namespace Softswitch.Acd.Routing;

/// <summary>One offer of a caller to an agent, open until the call side reports its result or the engine cancels it.</summary>
internal sealed class OfferRecord(long id, CallerRecord caller, AgentRecord agent)
{
    public long Id { get; } = id;

    public CallerRecord Caller { get; } = caller;

    public AgentRecord Agent { get; } = agent;
}
