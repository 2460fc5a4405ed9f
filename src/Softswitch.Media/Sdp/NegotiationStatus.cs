namespace Softswitch.Media.Sdp;

/// <summary>Outcome of negotiating one offer/answer exchange.</summary>
public enum NegotiationStatus
{
    /// <summary>An audio stream was agreed.</summary>
    Accepted,
    /// <summary>No usable audio stream: no common codec, or only unsupported streams (SIP 488).</summary>
    NotAcceptable,
    /// <summary>The description breaks RFC 3264 rules, e.g. an answer with a codec that was not offered.</summary>
    InvalidDescription,
}
