namespace Softswitch.Calls.Tests.Support;

/// <summary>One RTP packet as a test phone received it, with its arrival time on the phone's stopwatch.</summary>
internal sealed record ReceivedRtp(byte PayloadType, ushort SequenceNumber, uint Timestamp, uint Ssrc, bool Marker, byte[] Payload, TimeSpan At)
{
    public bool HasPayload(ReadOnlySpan<byte> expected) => Payload.AsSpan().SequenceEqual(expected);
}
