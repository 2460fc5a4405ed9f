using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Softswitch.Media.Codecs;
using Softswitch.Media.Dtmf;
using Softswitch.Media.Rtp;

namespace Softswitch.Media.Echo;

/// <summary>
/// The echo test's media: every audio packet from the caller goes straight back without decoding, with our own
/// SSRC, sequence and timestamp (so the phone sees a proper stream of ours, RFC 3550 §8), through the port pair the
/// SDP answer named. Packets of payload types the SDP did not negotiate are dropped (sipp's play_dtmf sends a
/// preamble with type 97); telephone-event packets are read for digits and echoed too. No allocation per packet:
/// one scratch buffer per call, used only on the endpoint's receive loop.
/// </summary>
public sealed partial class RtpEcho : IRtpPacketSink, IAsyncDisposable
{
    private readonly RtpEndpoint _endpoint;
    private readonly RtpRewriter _rewriter;
    private readonly byte _audioPayloadType;
    private readonly TelephoneEventReceiver? _dtmf;
    private readonly IAudioCodec? _decoder;
    private readonly InBandDtmfDetector? _inBand;
    private readonly DtmfEventStream _digits;
    private readonly Task _digitLog;
    private readonly short[] _pcm = new short[1024];
    private readonly RtcpReporter _rtcp;
    private readonly IEchoTap? _tap;
    private readonly string _callId;
    private readonly ILogger _logger;
    private readonly byte[] _scratch = new byte[2048]; // the endpoint's receive buffer size: nothing larger arrives;
    private long _echoed;
    private long _foreign;

    /// <param name="decoder">Decodes the call's audio for in-band DTMF (8 kHz codecs); null turns in-band detection off.</param>
    /// <param name="clockRate">The RTP clock of the negotiated codec (8000 for G.711, 48000 for Opus), for RTCP.</param>
    public RtpEcho(RtpPortPair ports, IPEndPoint? remoteRtp, IPEndPoint? remoteRtcp, byte audioPayloadType, byte? telephoneEventPayloadType,
        int clockRate, string callId, TimeProvider time, ILoggerFactory loggers, IEchoTap? tap = null, IAudioCodec? decoder = null)
    {
        _digits = new DtmfEventStream(time, logger: loggers.CreateLogger<DtmfEventStream>());
        _audioPayloadType = audioPayloadType;
        _callId = callId;
        _tap = tap;
        _logger = loggers.CreateLogger<RtpEcho>();
        _rewriter = new RtpRewriter((uint)Random.Shared.NextInt64(1, uint.MaxValue), (ushort)Random.Shared.Next(ushort.MaxValue), (uint)Random.Shared.NextInt64(uint.MaxValue));
        if (telephoneEventPayloadType is { } dtmfType)
        {
            _dtmf = new TelephoneEventReceiver(dtmfType, time, logger: loggers.CreateLogger<TelephoneEventReceiver>());
            _digits.Attach(_dtmf);
        }

        if (decoder is { ClockRate: InBandDtmfDetector.SampleRate })
        {
            _decoder = decoder;
            _inBand = new InBandDtmfDetector(timeProvider: time, logger: loggers.CreateLogger<InBandDtmfDetector>());
            _digits.Attach(_inBand);
        }

        _digitLog = Task.Run(LogDigitsAsync);

        _endpoint = new RtpEndpoint(ports, this, new RtpEndpointOptions { RemoteRtp = remoteRtp, RemoteRtcp = remoteRtcp },
            loggers.CreateLogger<RtpEndpoint>());
        _rtcp = new RtcpReporter(_endpoint, _rewriter.OutputSsrc, clockRate, $"softswitch@{ports.RtpEndPoint.Address}", time);
    }

    public IPEndPoint LocalRtpEndPoint => _endpoint.LocalRtpEndPoint;

    /// <summary>Packets sent back so far.</summary>
    public long Echoed => Interlocked.Read(ref _echoed);

    /// <summary>What RTCP knows about this call: the caller's stream as we received it, and the caller's view of ours.</summary>
    public RtcpReporter Rtcp => _rtcp;

    public void Start()
    {
        _endpoint.Start();
        _rtcp.Start();
    }

    /// <summary>After a re-INVITE the phone may move its media.</summary>
    public void SetRemote(IPEndPoint? remoteRtp, IPEndPoint? remoteRtcp) => _endpoint.SetRemote(remoteRtp, remoteRtcp);

    public void OnRtp(ReadOnlySpan<byte> packet, SocketAddress from)
    {
        if (RtpHeader.TryParse(packet, out var header, out var payloadOffset) != RtpParseStatus.Success) return;
        var payload = packet.Slice(payloadOffset, header.PayloadLength);
        _rtcp.OnReceived(header);
        if (_dtmf is not null && header.PayloadType == _dtmf.PayloadType)
        {
            _dtmf.Receive(header.PayloadType, header.SequenceNumber, header.Timestamp, header.Marker, payload);
        }
        else if (header.PayloadType != _audioPayloadType)
        {
            if (Interlocked.Increment(ref _foreign) == 1) LogForeignPayloadType(_callId, header.PayloadType);
            return;
        }
        else if (_inBand is not null && payload.Length <= _pcm.Length)
        {
            var samples = _decoder!.Decode(payload, _pcm);
            if (samples > 0) _inBand.Process(_pcm.AsSpan(0, samples));
        }

        if (packet.Length > _scratch.Length) return;
        var echo = _scratch.AsSpan(0, packet.Length);
        packet.CopyTo(echo);
        if (!_rewriter.TryRewrite(echo)) return;
        if (header.PayloadType == _audioPayloadType) _tap?.OnAudio(payload, echo.Slice(payloadOffset, header.PayloadLength), header.Timestamp);
        if (_endpoint.Send(echo))
        {
            Interlocked.Increment(ref _echoed);
            _rtcp.OnSent(_rewriter.LastTimestamp, header.PayloadLength);
        }
    }

    /// <summary>The caller's reports are read (its view of our stream), not echoed.</summary>
    public void OnRtcp(ReadOnlySpan<byte> packet, SocketAddress from) => _rtcp.OnRtcp(packet);

    /// <summary>An INFO in this call's dialog; true when it carried a digit.</summary>
    public bool OnSipInfo(string? contentType, ReadOnlySpan<byte> body) => _digits.PublishSipInfo(contentType, body);

    /// <summary>Each digit once, in order, whichever way it came (the IVR will read the same stream).</summary>
    private async Task LogDigitsAsync()
    {
        await foreach (var digit in _digits.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            LogDigit(_callId, digit.Digit.ToChar(), digit.Source, (int)digit.Duration.TotalMilliseconds);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _rtcp.Stop(); // a last report and BYE while the socket is still open
        await _endpoint.DisposeAsync().ConfigureAwait(false);
        _inBand?.Flush();
        _dtmf?.Dispose();
        _digits.Complete();
        await _digitLog.ConfigureAwait(false);
        _digits.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: DTMF {Digit} received via {Method} ({DurationMs} ms)")]
    private partial void LogDigit(string callId, char digit, DtmfSource method, int durationMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{CallId}: dropping RTP payload type {PayloadType}, not negotiated")]
    private partial void LogForeignPayloadType(string callId, byte payloadType);
}
