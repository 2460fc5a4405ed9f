namespace Softswitch.Media.Legs;

/// <summary>
/// Where generated media goes: one encoded frame at a time, in the leg's negotiated codec. The leg gives each frame
/// its RTP header (its own SSRC, the next sequence number, a timestamp <paramref name="samples"/> on from the last
/// generated frame), so a player or a transcoder never deals with RTP. Called from one thread at a time per source.
/// </summary>
public interface IMediaFrameOutput
{
    /// <summary>Sends one encoded frame of <paramref name="samples"/> RTP clock units; <paramref name="marker"/> starts a talkspurt.</summary>
    /// <returns>False when the frame could not be sent (no remote yet, socket closed).</returns>
    bool SendFrame(ReadOnlySpan<byte> payload, int samples, bool marker);
}
