using System.Threading.Channels;
using Softswitch.Media.Legs;
using Softswitch.Media.Rtp;

namespace Softswitch.Media.Tests.Legs;

/// <summary>A consumer that queues a copy of each packet it is given, for the test to await.</summary>
internal sealed class RecordingConsumer : IMediaLegConsumer
{
    private readonly Channel<ReceivedRtp> _packets = Channel.CreateUnbounded<ReceivedRtp>();

    public void OnPacket(in RtpHeader header, ReadOnlySpan<byte> packet, int payloadOffset) =>
        _packets.Writer.TryWrite(new ReceivedRtp(header, packet.Slice(payloadOffset, header.PayloadLength).ToArray()));

    public async Task<ReceivedRtp> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        return await _packets.Reader.ReadAsync(timeout.Token);
    }

    public bool TryTake(out ReceivedRtp? packet) => _packets.Reader.TryRead(out packet);
}
