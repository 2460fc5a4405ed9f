namespace Softswitch.Calls.Tests.Support;

/// <summary>
/// PCMU-sized frames that carry their own number and differ from each other and from any prompt, so a packet that
/// comes back (echo) or across (bridge) can be told apart from what the switch plays and matched to what was sent.
/// </summary>
internal static class NumberedFrame
{
    public static byte[] Create(int index)
    {
        var frame = new byte[TestAudio.FrameSamples];
        for (var i = 0; i < frame.Length; i++) frame[i] = (byte)(0x20 + (((index * 7) + i) % 0x5f));
        frame[0] = (byte)index;
        frame[1] = (byte)(index >> 8);
        return frame;
    }

    /// <summary>The number a packet that <see cref="Is"/> one of these frames carries.</summary>
    public static int NumberOf(ReceivedRtp packet) => packet.Payload[0] | (packet.Payload[1] << 8);

    /// <summary>True for a PCMU packet whose payload is one of these frames.</summary>
    public static bool Is(ReceivedRtp packet) =>
        packet.PayloadType == 0 && packet.Payload.Length == TestAudio.FrameSamples
        && packet.HasPayload(Create(NumberOf(packet)));
}
