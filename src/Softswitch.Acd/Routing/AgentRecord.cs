using Softswitch.Acd.Model;

namespace Softswitch.Acd.Routing;

/// <summary>One agent's live state. Fields that order the agent in a pool change only while it is out of the pools.</summary>
internal sealed class AgentRecord(AgentDefinition definition, int order)
{
    public AgentDefinition Definition { get; } = definition;

    public string Id => Definition.Id;

    /// <summary>Position in the configuration: the tie-break of every strategy.</summary>
    public int Order { get; } = order;

    public List<QueueMember> Memberships { get; } = [];

    /// <summary>Every pool the agent qualifies for, with its membership of that pool's queue.</summary>
    public List<(AgentPool Pool, QueueMember Member)> Pools { get; } = [];

    public AgentState State { get; set; } = AgentState.LoggedOut;

    public string? PauseReason { get; set; }

    /// <summary>A pause or logout asked for during an offer or a call, applied when it is over.</summary>
    public string? PendingPause { get; set; }

    public bool PendingLogout { get; set; }

    public long LastCallEndTicks { get; set; } = long.MinValue;

    public int CallsAnswered { get; set; }

    public int ConsecutiveMisses { get; set; }

    public long RestingUntilTicks { get; set; } = long.MinValue;

    public long WrapUpUntilTicks { get; set; }

    public bool Registered { get; set; } = true;

    public bool OnOtherCall { get; set; }

    /// <summary>True while the agent sits in the available sets of its pools.</summary>
    public bool InPools { get; set; }

    public OfferRecord? Offer { get; set; }

    /// <summary>The queue call being talked (for wrap-up and handle time).</summary>
    public QueueRecord? CallQueue { get; set; }

    public long TalkStartTicks { get; set; }
}
