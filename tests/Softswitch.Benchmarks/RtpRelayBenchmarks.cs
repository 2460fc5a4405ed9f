using BenchmarkDotNet.Attributes;
using Softswitch.Media.Rtp;

namespace Softswitch.Benchmarks;

/// <summary>
/// Budget (docs/BENCHMARKS.md): relaying one RTP packet costs under 5 µs of CPU and allocates nothing.
/// Measured: parse the header of a 172-byte PCMU packet, rewrite SSRC/sequence/timestamp, map the payload type.
/// </summary>
[MemoryDiagnoser]
public class RtpRelayBenchmarks
{
    private readonly byte[] _packet = new byte[172];
    private readonly RtpRewriter _rewriter = new(outputSsrc: 0x5EED_0001, firstSequence: 1000, firstTimestamp: 123_456);
    private readonly PayloadTypeMap _payloadTypes = new PayloadTypeMap(dropUnmapped: true).Add(0, 0).Add(101, 96);
    private readonly JitterBuffer _jitterBuffer = new();
    private readonly byte[] _frame = new byte[320];
    private ushort _sequence;

    [GlobalSetup]
    public void Setup()
    {
        new RtpHeader(payloadType: 0, sequenceNumber: 0, timestamp: 0, ssrc: 0xABCD_0001).Write(_packet);
        _packet.AsSpan(12).Fill(0xFF);
    }

    [Benchmark(Baseline = true)]
    public int ParseRewriteAndMapPcmuPacket()
    {
        // Restore the input fields so every iteration relays the "next" packet of one stream.
        _sequence++;
        new RtpHeader(0, _sequence, _sequence * 160u, 0xABCD_0001).Write(_packet);
        if (RtpHeader.TryParse(_packet, out var header, out _) != RtpParseStatus.Success
            || !_payloadTypes.TryRewrite(_packet)
            || !_rewriter.TryRewrite(_packet))
        {
            return -1;
        }

        return header.PayloadLength;
    }

    [Benchmark]
    public JitterBufferPopResult JitterBufferInsertAndPop()
    {
        _sequence++;
        _jitterBuffer.Insert(_sequence, _sequence * 160u, false, _packet.AsSpan(12), _sequence * 160u);
        return _jitterBuffer.Pop(_frame, out _);
    }
}
