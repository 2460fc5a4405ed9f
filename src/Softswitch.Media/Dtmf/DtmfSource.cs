namespace Softswitch.Media.Dtmf;

/// <summary>How a digit reached us.</summary>
public enum DtmfSource
{
    /// <summary>RTP telephone-event packets (RFC 4733).</summary>
    Rfc4733,
    /// <summary>A SIP INFO request (application/dtmf-relay or application/dtmf).</summary>
    SipInfo,
    /// <summary>Tones detected in the audio itself.</summary>
    InBand,
}
