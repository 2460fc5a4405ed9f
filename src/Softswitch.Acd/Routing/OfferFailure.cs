namespace Softswitch.Acd.Routing;

/// <summary>Why an offer did not connect. Only <see cref="NoAnswer"/> counts toward the automatic "missed" pause.</summary>
public enum OfferFailure
{
    /// <summary>The agent's phone rang out (the ring timeout) or could not be reached.</summary>
    NoAnswer,

    /// <summary>The agent's phone said busy.</summary>
    Busy,

    /// <summary>The agent declined the call.</summary>
    Rejected,
}
