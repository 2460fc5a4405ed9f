using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Softswitch.Media.Rtp;

namespace Softswitch.Media.Tests.Legs;

/// <summary>A far end played by two plain UDP sockets on 127.0.0.1 (RTP and RTCP): sends RTP, reads what comes back.</summary>
internal sealed class TestPhone : IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(5);
    private readonly byte[] _buffer = new byte[2048];
    private ushort _sequence = (ushort)Random.Shared.Next(ushort.MaxValue + 1);
    private uint _timestamp = (uint)Random.Shared.NextInt64(uint.MaxValue);

    public TestPhone()
    {
        Rtp = Bind();
        Rtcp = Bind();
    }

    public Socket Rtp { get; }

    public Socket Rtcp { get; }

    public IPEndPoint RtpEndPoint => (IPEndPoint)Rtp.LocalEndPoint!;

    public IPEndPoint RtcpEndPoint => (IPEndPoint)Rtcp.LocalEndPoint!;

    public uint Ssrc { get; } = (uint)Random.Shared.NextInt64(1, uint.MaxValue);

    public ushort NextSequence => _sequence;

    public uint NextTimestamp => _timestamp;

    /// <summary>A packet of this phone's stream; advances its sequence, and its timestamp by <paramref name="samples"/>.</summary>
    public byte[] NextPacket(byte payloadType, ReadOnlySpan<byte> payload, int samples, bool marker = false)
    {
        var packet = Build(payloadType, _sequence, _timestamp, Ssrc, payload, marker);
        _sequence++;
        _timestamp += (uint)samples;
        return packet;
    }

    /// <summary>Sends the next packet of this phone's stream to <paramref name="to"/>.</summary>
    public byte[] Send(IPEndPoint to, byte payloadType, ReadOnlySpan<byte> payload, int samples, bool marker = false)
    {
        var packet = NextPacket(payloadType, payload, samples, marker);
        Rtp.SendTo(packet, to);
        return packet;
    }

    /// <summary>Sends an RFC 4733 event packet at a fixed event timestamp (sequence still advances).</summary>
    public void SendEvent(IPEndPoint to, byte payloadType, uint eventTimestamp, byte eventCode, bool end, ushort duration, bool marker)
    {
        var payload = new byte[] { eventCode, (byte)((end ? 0x80 : 0) | 10), (byte)(duration >> 8), (byte)duration };
        Rtp.SendTo(Build(payloadType, _sequence++, eventTimestamp, Ssrc, payload, marker), to);
    }

    public static byte[] Build(byte payloadType, ushort sequence, uint timestamp, uint ssrc, ReadOnlySpan<byte> payload, bool marker = false)
    {
        var packet = new byte[RtpHeader.FixedLength + payload.Length];
        new RtpHeader(payloadType, sequence, timestamp, ssrc, marker).Write(packet);
        payload.CopyTo(packet.AsSpan(RtpHeader.FixedLength));
        return packet;
    }

    public async Task<ReceivedRtp> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(s_timeout);
        var received = await Rtp.ReceiveFromAsync(_buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), timeout.Token);
        var datagram = _buffer.AsSpan(0, received.ReceivedBytes);
        Assert.That(RtpHeader.TryParse(datagram, out var header, out var offset), Is.EqualTo(RtpParseStatus.Success));
        return new ReceivedRtp(header, datagram.Slice(offset, header.PayloadLength).ToArray());
    }

    public async Task<List<ReceivedRtp>> ReceiveAsync(int count)
    {
        var packets = new List<ReceivedRtp>();
        for (var i = 0; i < count; i++)
        {
            packets.Add(await ReceiveAsync());
        }

        return packets;
    }

    /// <summary>True when no RTP arrives within <paramref name="wait"/>.</summary>
    public async Task<bool> IsQuietAsync(TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            await Rtp.ReceiveFromAsync(_buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), timeout.Token);
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    public async Task<byte[]> ReceiveRtcpAsync()
    {
        using var timeout = new CancellationTokenSource(s_timeout);
        var received = await Rtcp.ReceiveFromAsync(_buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), timeout.Token);
        return _buffer.AsSpan(0, received.ReceivedBytes).ToArray();
    }

    public void Dispose()
    {
        Rtp.Dispose();
        Rtcp.Dispose();
    }

    private static Socket Bind()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }
}

/// <summary>One RTP packet a test phone received: its header and a copy of its payload.</summary>
internal sealed record ReceivedRtp(RtpHeader Header, byte[] Payload)
{
    public ushort Sequence => Header.SequenceNumber;

    public uint Timestamp => Header.Timestamp;

    public bool Marker => Header.Marker;
}
