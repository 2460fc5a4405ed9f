using Softswitch.Media.Legs;

namespace Softswitch.Media.Tests.Legs;

/// <summary>Keeps copies of what a leg's tap saw, in order (called from receive loops and test threads).</summary>
internal sealed class RecordingTap : IMediaLegTap
{
    private readonly Lock _gate = new();
    private readonly List<TappedPacket> _received = [];
    private readonly List<TappedPacket> _sent = [];

    public IReadOnlyList<TappedPacket> Received
    {
        get { lock (_gate) return [.. _received]; }
    }

    public IReadOnlyList<TappedPacket> Sent
    {
        get { lock (_gate) return [.. _sent]; }
    }

    public void OnReceived(ushort sequence, uint timestamp, bool marker, ReadOnlySpan<byte> payload)
    {
        lock (_gate) _received.Add(new TappedPacket(sequence, timestamp, marker, payload.ToArray()));
    }

    public void OnSent(ushort sequence, uint timestamp, bool marker, ReadOnlySpan<byte> payload)
    {
        lock (_gate) _sent.Add(new TappedPacket(sequence, timestamp, marker, payload.ToArray()));
    }
}

internal sealed record TappedPacket(ushort Sequence, uint Timestamp, bool Marker, byte[] Payload);
