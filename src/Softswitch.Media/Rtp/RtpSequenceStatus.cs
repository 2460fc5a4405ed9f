namespace Softswitch.Media.Rtp;

/// <summary>What RFC 3550 Appendix A.1 sequence validation made of one packet.</summary>
public enum RtpSequenceStatus
{
    /// <summary>Counted: in order, a permissible gap, or a duplicate/reordered packet of a valid source.</summary>
    Accepted,

    /// <summary>The source is still on probation (not enough sequential packets yet); not counted.</summary>
    Probation,

    /// <summary>A very large jump; not counted unless the next packet confirms it as a restart (§A.1).</summary>
    BadSequence,
}
