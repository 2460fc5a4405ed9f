using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Media.Legs;
using Softswitch.Media.Rtp;
using Softswitch.Media.Sdp;
using Softswitch.Media.Tests.Rtp;

namespace Softswitch.Media.Tests.Legs;

/// <summary>
/// Legs on real port pairs (127.0.0.1, a free range) each facing a <see cref="TestPhone"/>, on a fake clock so no
/// RTCP report fires mid-test. Disposes legs, ports and phones at the end.
/// </summary>
internal sealed class LegTestBed : IAsyncDisposable
{
    public static readonly MediaFormat Pcmu = new(0, "PCMU", 8000);
    public static readonly MediaFormat Pcma = new(8, "PCMA", 8000);
    public static readonly MediaFormat Opus = new(111, "opus", 48000, 2, "minptime=10;useinbandfec=1");

    private readonly RtpPortAllocator _allocator;
    private readonly List<MediaLeg> _legs = [];
    private readonly List<RtpPortPair> _ports = [];
    private readonly List<TestPhone> _phones = [];

    public LegTestBed(int legs = 2)
    {
        var first = FreeUdpPortRange.Find(2 * legs);
        _allocator = new RtpPortAllocator(first, first + (2 * legs) - 1);
    }

    public FakeTimeProvider Time { get; } = new();

    public TestPhone Phone()
    {
        var phone = new TestPhone();
        _phones.Add(phone);
        return phone;
    }

    /// <summary>A started leg whose remote is <paramref name="phone"/>.</summary>
    public MediaLeg Leg(MediaFormat codec, TestPhone phone, int? telephoneEvent = null, bool detectInBand = true, bool start = true,
        int telephoneEventClockRate = 8000)
    {
        var ports = _allocator.Allocate();
        _ports.Add(ports);
        var leg = new MediaLeg(new MediaLegOptions
        {
            Ports = ports,
            Codec = codec,
            TelephoneEventPayloadType = telephoneEvent,
            TelephoneEventClockRate = telephoneEventClockRate,
            RemoteRtp = phone.RtpEndPoint,
            RemoteRtcp = phone.RtcpEndPoint,
            CallId = $"leg-{_legs.Count}@test",
            DetectInBandDtmf = detectInBand,
        }, Time, NullLoggerFactory.Instance);
        _legs.Add(leg);
        if (start)
        {
            leg.Start();
        }

        return leg;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var leg in _legs)
        {
            await leg.DisposeAsync();
        }

        foreach (var ports in _ports)
        {
            ports.Dispose();
        }

        _allocator.Dispose();

        foreach (var phone in _phones)
        {
            phone.Dispose();
        }
    }
}
