namespace Softswitch.Media.Rtp;

/// <summary>What <see cref="RtpSourceLatch"/> made of one packet's source.</summary>
public enum RtpLatchDecision
{
    /// <summary>From the current remote: deliver.</summary>
    FromRemote,

    /// <summary>This packet completed the run that moves the remote here: deliver, and send here from now on.</summary>
    Latched,

    /// <summary>From another address that has not (yet) earned the latch: drop.</summary>
    Candidate,
}
