using System.Threading.Channels;
using Softswitch.Acd.Routing;

namespace Softswitch.Queues;

/// <summary>
/// The offers one caller rings at once: one agent, or with ring-all every available agent the engine offered in the
/// same step (their decisions reach the caller's inbox together). The bridge rings them all; the first agent to answer
/// names its offer, the engine cancels the others (their phones were already cancelled by the call's fork).
/// </summary>
internal sealed class OfferGroup
{
    private readonly List<AcdDecision> _offers;

    private OfferGroup(List<AcdDecision> offers) => _offers = offers;

    /// <summary>
    /// <paramref name="first"/> and the offers made with it (ring-all), read from <paramref name="inbox"/> once the ACD's loop
    /// has finished the step that made them (they are written one by one; a round trip through the loop waits for the last).
    /// </summary>
    public static async Task<OfferGroup> TakeAsync(AcdDecision first, ChannelReader<AcdDecision> inbox, AcdService acd)
    {
        await acd.DrainedAsync().ConfigureAwait(false);
        var offers = new List<AcdDecision> { first };
        while (inbox.TryPeek(out var next) && next is { Kind: AcdDecisionKind.Offer, AgentId: not null } && inbox.TryRead(out next)) offers.Add(next);
        return new OfferGroup(offers);
    }

    public AcdDecision First => _offers[0];

    public IReadOnlyList<AcdDecision> Offers => _offers;

    /// <summary>The agents rung besides the first.</summary>
    public IReadOnlyList<string> AlsoRing => [.. _offers.Skip(1).Select(offer => offer.AgentId!)];

    /// <summary>The offer of the agent who answered (<paramref name="party"/>, as the bridge names it); the first when unknown.</summary>
    public AcdDecision AnsweredBy(string? party) => _offers.Find(offer => offer.AgentId == party) is { AgentId: not null } found ? found : First;
}
