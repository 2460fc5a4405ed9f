using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Media.Clock;
using Softswitch.Media.Legs;
using Softswitch.Media.Playback;
using Softswitch.Media.Recording;
using Softswitch.Media.Rtp;
using Softswitch.Media.Sdp;

namespace Softswitch.Benchmarks;

/// <summary>
/// The whole per-packet work of a call's media, on real loopback sockets (so each figure includes one sendto):
/// a packet arriving on leg A handed to the bridge and sent out of leg B, relayed (same codec) or transcoded;
/// one tick of the prompt player; one tick of the recorder with a packet each way. Budget: under 5 µs of CPU and
/// no allocation per relayed packet.
/// </summary>
[MemoryDiagnoser]
public class MediaPathBenchmarks
{
    private static readonly MediaFormat Pcmu = new(0, "PCMU", 8000);
    private static readonly MediaFormat Pcma = new(8, "PCMA", 8000);
    private static readonly MediaFormat Opus = new(111, "opus", 48000, 2);

    private readonly List<IAsyncDisposable> _owned = [];
    private readonly List<RtpPortPair> _ports = [];
    private readonly byte[] _packet = new byte[172];
    private Socket _sink = null!;
    private RtpPortAllocator _allocator = null!;
    private MediaClock _clock = null!;
    private IMediaLegConsumer _relay = null!;
    private IMediaLegConsumer _toPcma = null!;
    private IMediaLegConsumer _toOpus = null!;
    private PromptPlayer _player = null!;
    private CallRecorder _recorder = null!;
    private string _folder = null!;
    private ushort _sequence;

    [GlobalSetup]
    public void Setup()
    {
        _sink = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _sink.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _allocator = new RtpPortAllocator(47000, 47099);
        _clock = new MediaClock(TimeProvider.System, NullLogger<MediaClock>.Instance); // never started: ticks are called directly
        _relay = Bridge(Pcmu, Pcmu);
        _toPcma = Bridge(Pcmu, Pcma);
        _toOpus = Bridge(Pcmu, Opus);

        _folder = Directory.CreateTempSubdirectory("media-bench-").FullName;
        var music = Path.Combine(_folder, "music.wav");
        using (var writer = new Softswitch.Media.Audio.WavWriter(music, 8000, 1))
        {
            var tone = new short[8000 * 5];
            for (var i = 0; i < tone.Length; i++) tone[i] = (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / 8000));
            writer.Write(tone);
        }

        var playerLeg = Leg(Pcmu);
        _player = new PromptPlayer(playerLeg, _clock);
        _player.PlayLoop(new PromptCache().Get(music, Pcmu));
        _recorder = CallRecorder.Start(Path.Combine(_folder, "call.wav"), Pcmu, _clock, NullLogger<CallRecorder>.Instance);
        _owned.Add(_recorder);
        _packet.AsSpan(12).Fill(0xD5);
    }

    private MediaLeg Leg(MediaFormat codec)
    {
        var ports = _allocator.Allocate();
        _ports.Add(ports);
        var leg = new MediaLeg(new MediaLegOptions
        {
            Ports = ports,
            Codec = codec,
            TelephoneEventPayloadType = 101,
            RemoteRtp = (IPEndPoint)_sink.LocalEndPoint!,
            CallId = $"bench-{_ports.Count}",
            DetectInBandDtmf = false,
        }, TimeProvider.System, NullLoggerFactory.Instance);
        _owned.Add(leg);
        return leg;
    }

    private IMediaLegConsumer Bridge(MediaFormat a, MediaFormat b)
    {
        var legA = Leg(a);
        _owned.Add(MediaBridge.Connect(legA, Leg(b), NullLoggerFactory.Instance));
        return legA.Consumer!;
    }

    private RtpHeader NextPacket()
    {
        _sequence++;
        var header = new RtpHeader(0, _sequence, _sequence * 160u, 0xABCD_0001);
        header.Write(_packet);
        RtpHeader.TryParse(_packet, out var parsed, out _);
        return parsed;
    }

    [Benchmark(Baseline = true, Description = "bridge relay PCMU -> PCMU (+ sendto)")]
    public void RelayPcmu()
    {
        var header = NextPacket();
        _relay.OnPacket(header, _packet, RtpHeader.FixedLength);
    }

    [Benchmark(Description = "bridge transcode PCMU -> PCMA (+ sendto)")]
    public void TranscodePcmuToPcma()
    {
        var header = NextPacket();
        _toPcma.OnPacket(header, _packet, RtpHeader.FixedLength);
    }

    [Benchmark(Description = "bridge transcode PCMU -> Opus (+ sendto)")]
    public void TranscodePcmuToOpus()
    {
        var header = NextPacket();
        _toOpus.OnPacket(header, _packet, RtpHeader.FixedLength);
    }

    [Benchmark(Description = "prompt player: one tick of music (+ sendto)")]
    public void PlayerTick() => _player.OnTick(_sequence++);

    [Benchmark(Description = "recorder: a packet each way and one tick")]
    public void RecorderTick()
    {
        _sequence++;
        _recorder.OnReceived(_sequence, _sequence * 160u, false, _packet.AsSpan(12));
        _recorder.OnSent(_sequence, _sequence * 160u, false, _packet.AsSpan(12));
        _recorder.OnTick(_sequence);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _player.Stop();
        for (var i = _owned.Count - 1; i >= 0; i--) await _owned[i].DisposeAsync();
        foreach (var ports in _ports) ports.Dispose();
        _allocator.Dispose();
        _sink.Dispose();
        await _clock.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
