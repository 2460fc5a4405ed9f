namespace Softswitch.Media.Rtp;

/// <summary>What <see cref="JitterBuffer.Insert(ushort, uint, bool, ReadOnlySpan{byte}, uint)"/> did with a packet.</summary>
public enum JitterBufferInsertResult
{
    /// <summary>Stored for playout.</summary>
    Stored,

    /// <summary>A copy of a packet already stored; dropped.</summary>
    Duplicate,

    /// <summary>Its playout time has passed; dropped.</summary>
    TooLate,

    /// <summary>A jump too large to bridge (a new source or a restart); the buffer started over at this packet.</summary>
    Resynced,

    /// <summary>The payload exceeds the slot size; dropped.</summary>
    TooLarge,

    /// <summary>Not a valid RTP packet; dropped.</summary>
    Invalid,
}
