namespace Softswitch.Media.Sdp;

/// <summary>States of the RFC 3264 offer/answer exchange for one call leg.</summary>
public enum OfferAnswerState
{
    /// <summary>No offer made or received yet.</summary>
    Idle,
    /// <summary>We sent an offer and wait for the answer.</summary>
    OfferSent,
    /// <summary>We received an offer and have not sent the answer yet.</summary>
    OfferReceived,
    /// <summary>An offer and its answer completed; either side may make a new offer.</summary>
    Stable,
}
