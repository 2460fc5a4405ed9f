namespace Softswitch.Media.Rtp;

/// <summary>What <see cref="JitterBuffer.Pop"/> produced for one media-clock tick.</summary>
public enum JitterBufferPopResult
{
    /// <summary>A frame was copied out; decode and play it.</summary>
    Frame,

    /// <summary>The frame due now was lost (or is later than the playout delay): conceal it (PLC).</summary>
    Missing,

    /// <summary>
    /// The sender sent nothing for this frame (DTX, silence suppression): the packet due next is stamped later. Play
    /// silence or comfort noise (codec concealment for Opus); this is not loss.
    /// </summary>
    Gap,

    /// <summary>Nothing to play: not started, filling to the target depth, or between talkspurts. Play silence or comfort noise.</summary>
    Buffering,
}
