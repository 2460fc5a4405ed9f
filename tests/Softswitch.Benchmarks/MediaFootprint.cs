using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Media.Clock;
using Softswitch.Media.Legs;
using Softswitch.Media.Playback;
using Softswitch.Media.Rtp;
using Softswitch.Media.Sdp;

namespace Softswitch.Benchmarks;

/// <summary>
/// `dotnet run -c Release --project tests/Softswitch.Benchmarks -- footprint [legs]`: the managed memory one answered
/// call's media holds (port pair, started leg with its receive loops, RTCP, DTMF, echo consumer, player, offer/answer
/// with both descriptions), measured as the live heap after a full collection, divided by the number of legs.
/// The SIP side (transactions, dialog) and the kernel's socket buffers are not in it; the echo load measures the whole.
/// </summary>
public static class MediaFootprint
{
    private const string Offer = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0 8 101\r\n" +
                                 "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=ptime:20\r\na=sendrecv\r\n";

    public static async Task RunAsync(int legs)
    {
        using var sink = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        sink.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var allocator = new RtpPortAllocator(46000, 46000 + (2 * legs) + 99);
        await using var clock = new MediaClock(TimeProvider.System, NullLogger<MediaClock>.Instance);
        var held = new List<object>();

        // One call first, so types, statics and pools are initialised before measuring.
        held.Add(await OneCallAsync(allocator, clock, (IPEndPoint)sink.LocalEndPoint!));
        var before = LiveBytes();
        for (var i = 0; i < legs; i++) held.Add(await OneCallAsync(allocator, clock, (IPEndPoint)sink.LocalEndPoint!));
        var after = LiveBytes();
        Console.WriteLine($"legs={legs} managed_bytes_per_call={(after - before) / legs} total_mib={(after - before) / 1048576.0:0.0}");

        foreach (var item in held)
        {
            var (leg, ports) = ((MediaLeg, RtpPortPair))item;
            await leg.DisposeAsync();
            ports.Dispose();
        }
    }

    private static async Task<(MediaLeg, RtpPortPair)> OneCallAsync(RtpPortAllocator allocator, MediaClock clock, IPEndPoint phone)
    {
        var ports = allocator.Allocate();
        var offerAnswer = new OfferAnswerSession(new LocalMediaOptions
        {
            Address = "127.0.0.1",
            RtpPort = ports.RtpPort,
            Codecs = [CodecDescriptor.Pcmu, CodecDescriptor.Pcma, CodecDescriptor.TelephoneEvent],
        }, TimeProvider.System);
        SdpParser.TryParse(System.Text.Encoding.ASCII.GetBytes(Offer), out var offer, out _);
        var negotiated = offerAnswer.ReceiveOffer(offer!);
        _ = SdpWriter.Write(offerAnswer.CreateAnswer());
        var leg = new MediaLeg(new MediaLegOptions
        {
            Ports = ports,
            Codec = negotiated.Codec!,
            TelephoneEventPayloadType = negotiated.TelephoneEventPayloadType,
            RemoteRtp = phone,
            CallId = Guid.NewGuid().ToString(),
        }, TimeProvider.System, NullLoggerFactory.Instance);
        _ = new PromptPlayer(leg, clock);
        leg.Consumer = new EchoConsumer(leg);
        leg.Start();
        await Task.Yield();
        Keep.Add(offerAnswer);
        return (leg, ports);
    }

    private static readonly List<object> Keep = [];

    private static long LiveBytes()
    {
        Thread.Sleep(200); // let the receive loops reach their first await
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: false);
    }
}
