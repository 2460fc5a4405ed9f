using Softswitch.Media.Legs;

namespace Softswitch.Media.Tests.Playback.Support;

/// <summary>A call leg stand-in that records each frame without allocating (the list is sized up front).</summary>
internal sealed class RecordingFrameOutput : IMediaFrameOutput
{
    private readonly List<SentFrame> _frames = new(capacity: 8192);

    public IReadOnlyList<SentFrame> Frames => _frames;

    public bool SendFrame(ReadOnlySpan<byte> payload, int samples, bool marker)
    {
        byte prompt = payload.Length > 0 ? payload[0] : (byte)0;
        int index = payload.Length > 2 ? payload[1] | payload[2] << 8 : -1;
        _frames.Add(new SentFrame(prompt, index, payload.Length, samples, marker));
        return true;
    }
}
