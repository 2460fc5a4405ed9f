using Softswitch.Media.Legs;

namespace Softswitch.Media.Tests.Legs;

/// <summary>Keeps every frame a transcoder emits.</summary>
internal sealed class RecordingFrameOutput : IMediaFrameOutput
{
    public List<(byte[] Payload, int Samples, bool Marker)> Frames { get; } = [];

    public bool SendFrame(ReadOnlySpan<byte> payload, int samples, bool marker)
    {
        Frames.Add((payload.ToArray(), samples, marker));
        return true;
    }
}
