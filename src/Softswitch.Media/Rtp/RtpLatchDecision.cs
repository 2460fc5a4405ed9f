namespace Softswitch.Media.Rtp;

/// <summary>What <see cref="RtpSourceLatch"/> made of one packet's source.</summary>
public enum RtpLatchDecision
{
    /// <summary>From the current remote: deliver.</summary>
    FromRemote,

    /// <summary>This packet moved the remote here (a completed run, or the SDP address back): deliver, and send here from now on.</summary>
    Latched,

    /// <summary>From another address that has not (yet) earned the latch: drop.</summary>
    Candidate,

    /// <summary>From another address while the current remote is live (strict latching): drop.</summary>
    Rejected,
}
