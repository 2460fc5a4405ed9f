using System.Text;

namespace Softswitch.Media.Rtp;

/// <summary>
/// RTCP for one call leg (RFC 3550 §6): counts what we receive and send, sends a sender report (or a receiver report
/// before we have sent anything) with SDES CNAME every ~5 s (randomised, §6.2), reads the peer's reports about our
/// stream, and says BYE at the end. Counting happens on the RTP receive loop under a tiny lock the report timer also
/// takes; nothing is allocated per packet. The figures at the end of the call (loss, jitter, the peer's view) are
/// what a supervisor reads when a caller complains about the line.
/// </summary>
public sealed class RtcpReporter : IDisposable
{
    private readonly RtpEndpoint _endpoint;
    private readonly TimeProvider _time;
    private readonly int _clockRate;
    private readonly byte[] _cname;
    private readonly RtpSendStatistics _sent;
    private readonly RtcpReportScheduler _scheduler = new();
    private readonly object _gate = new();
    private readonly long _start;
    // A compound of SR or RR, one report block, SDES CNAME and BYE fits easily; written on the stack, so a call
    // keeps no buffer for a packet it sends every few seconds.
    private const int CompoundBytes = 512;
    private RtpReceiveStatistics? _received;
    private ITimer? _timer;
    private bool _stopped;
    private bool _reported;

    public RtcpReporter(RtpEndpoint endpoint, uint ssrc, int clockRate, string canonicalName, TimeProvider time)
    {
        _endpoint = endpoint;
        _time = time;
        _clockRate = clockRate;
        _cname = Encoding.UTF8.GetBytes(canonicalName);
        _sent = new RtpSendStatistics(ssrc, clockRate, time);
        _start = time.GetTimestamp();
    }

    /// <summary>The last report the peer sent about our stream, if any.</summary>
    public RtcpReportBlock? PeerReport { get; private set; }

    public long PacketsReceived
    {
        get { lock (_gate) return _received?.PacketsReceived ?? 0; }
    }

    /// <summary>
    /// Packets the peer sent that never arrived, never negative: a repeated packet (RFC 4733 end packets sent with
    /// one sequence number) is counted in <see cref="Duplicates"/>, not as a packet that made up for a loss.
    /// </summary>
    public long PacketsLost
    {
        get { lock (_gate) return _received?.PacketsLost ?? 0; }
    }

    /// <summary>Packets that arrived more than once.</summary>
    public long Duplicates
    {
        get { lock (_gate) return _received?.Duplicates ?? 0; }
    }

    /// <summary>Interarrival jitter of the peer's stream (A.8).</summary>
    public TimeSpan Jitter
    {
        get { lock (_gate) return TimeSpan.FromSeconds((_received?.Jitter ?? 0) / _clockRate); }
    }

    public void Start() => Arm();

    /// <summary>One RTP packet from the peer (already parsed).</summary>
    public void OnReceived(in RtpHeader header)
    {
        var arrival = (uint)(_time.GetElapsedTime(_start).Ticks * _clockRate / TimeSpan.TicksPerSecond);
        lock (_gate)
        {
            _received ??= new RtpReceiveStatistics(header.Ssrc, _time);
            if (_received.Ssrc == header.Ssrc) _received.Update(header.SequenceNumber, header.Timestamp, arrival, header.PayloadLength);
        }
    }

    /// <summary>One RTP packet we sent.</summary>
    public void OnSent(uint rtpTimestamp, int payloadLength)
    {
        lock (_gate) _sent.OnPacketSent(rtpTimestamp, payloadLength);
    }

    /// <summary>An RTCP compound from the peer: its SR feeds our LSR/DLSR, its report block about us is kept.</summary>
    public void OnRtcp(ReadOnlySpan<byte> compound)
    {
        var reader = new RtcpCompoundReader(compound);
        while (reader.TryReadNext(out var packet) == RtcpParseStatus.Success)
        {
            if (packet.Type == RtcpPacketType.SenderReport)
            {
                lock (_gate)
                {
                    if (_received?.Ssrc == packet.Ssrc) _received.OnSenderReport(packet.SenderInfo.NtpTime);
                }
            }

            for (var i = 0; i < packet.ReportBlockCount; i++)
            {
                var block = packet.GetReportBlock(i);
                if (block.Ssrc == _sent.Ssrc) PeerReport = block;
            }

            _scheduler.OnRtcpPacket(packet.Raw.Length + 28); // UDP and IPv4 headers count too (§6.2)
        }
    }

    /// <summary>
    /// Stops reporting, with a last report and BYE when this side has sent RTP or RTCP; one that never did must not
    /// send BYE (RFC 3550 §6.3.7): nobody knows it was there.
    /// </summary>
    public void Stop()
    {
        lock (_gate)
        {
            if (_stopped) return;
            _stopped = true;
            _timer?.Dispose();
            if (!_reported && !_sent.HasSent) return;
            var writer = WriteReport(stackalloc byte[CompoundBytes]);
            ReadOnlySpan<uint> ssrc = [_sent.Ssrc];
            if (writer.TryWriteGoodbye(ssrc)) _endpoint.SendRtcp(writer.WrittenSpan);
        }
    }

    private void Arm()
    {
        lock (_gate)
        {
            if (_stopped) return;
            _timer?.Dispose();
            _timer = _time.CreateTimer(static state => ((RtcpReporter)state!).Report(), this, _scheduler.NextInterval(weSent: _sent.HasSent), Timeout.InfiniteTimeSpan);
        }
    }

    private void Report()
    {
        lock (_gate)
        {
            if (_stopped) return;
            var writer = WriteReport(stackalloc byte[CompoundBytes]);
            _reported |= _endpoint.SendRtcp(writer.WrittenSpan);
            _scheduler.OnRtcpPacket(writer.Written + 28);
        }

        Arm();
    }

    /// <summary>SR when we have sent media, else RR; then SDES CNAME (every compound needs one, §6.1). Under the gate.</summary>
    private RtcpCompoundWriter WriteReport(Span<byte> buffer)
    {
        var writer = new RtcpCompoundWriter(buffer);
        ReadOnlySpan<RtcpReportBlock> blocks = _received is { IsValid: true } ? [_received.CreateReportBlock()] : [];
        if (_sent.HasSent) writer.TryWriteSenderReport(_sent.Ssrc, _sent.CreateSenderInfo(), blocks);
        else writer.TryWriteReceiverReport(_sent.Ssrc, blocks);
        writer.TryWriteCanonicalName(_sent.Ssrc, _cname);
        return writer;
    }

    public void Dispose() => Stop();
}
