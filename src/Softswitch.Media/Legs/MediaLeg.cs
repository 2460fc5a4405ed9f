using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Softswitch.Media.Dtmf;
using Softswitch.Media.Rtp;
using Softswitch.Media.Sdp;

namespace Softswitch.Media.Legs;

/// <summary>
/// The media end of one call leg: one <see cref="RtpEndpoint"/> on the port pair our SDP named, RTCP for it, the
/// leg's digits (RFC 4733, in-band, SIP INFO), and one outgoing RTP stream that whoever serves the call feeds: an
/// echo, a prompt player, a bridge to another leg. What happens to received audio is the <see cref="Consumer"/>'s
/// business; a <see cref="Tap"/> (the recorder) sees both directions. Both can be swapped at any time.
/// </summary>
/// <remarks>
/// Receive path, on the endpoint's loop, with no allocation per packet: parse, count for RTCP, then by payload type:
/// telephone-event to the RFC 4733 receiver, audio to the in-band detector and the tap, anything else dropped
/// (logged once). Audio and telephone-event then go to the consumer. Send path: <see cref="Relay"/> for packets
/// from elsewhere, <see cref="SendFrame"/> for generated frames, both rewritten to our SSRC and one continuous
/// sequence (RFC 3550 §8.2), so switching from a prompt to a bridge looks like one stream with a marker bit.
/// </remarks>
public sealed partial class MediaLeg : IRtpPacketSink, IMediaFrameOutput, IAsyncDisposable
{
    private readonly RtpEndpoint _endpoint;
    private readonly RtcpReporter _rtcp;
    private readonly MediaLegSender _sender;
    private readonly MediaLegDigits _digits;
    private readonly byte _audioPayloadType;
    private readonly string _callId;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private IMediaLegConsumer? _consumer;
    private IMediaLegTap? _tap;
    private long _received;
    private long _foreign;
    private long _lastReceived;
    private int _disposed;

    /// <summary>Creates the leg; nothing is received until <see cref="Start"/>.</summary>
    public MediaLeg(MediaLegOptions options, TimeProvider time, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggers);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Codec.PayloadType, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Codec.PayloadType, 127, nameof(options));
        if (options.TelephoneEventPayloadType is < 0 or > 127 || options.TelephoneEventPayloadType == options.Codec.PayloadType)
        {
            throw new ArgumentException("The telephone-event payload type must be 0-127 and differ from the audio's.", nameof(options));
        }

        Codec = options.Codec;
        TelephoneEventPayloadType = options.TelephoneEventPayloadType;
        TelephoneEventClockRate = options.TelephoneEventClockRate;
        _audioPayloadType = (byte)options.Codec.PayloadType;
        _callId = options.CallId;
        _time = time;
        _lastReceived = time.GetTimestamp();
        _logger = loggers.CreateLogger<MediaLeg>();
        _digits = new MediaLegDigits(options, time, loggers);
        _endpoint = new RtpEndpoint(options.Ports, this, new RtpEndpointOptions
        {
            RemoteRtp = options.RemoteRtp,
            RemoteRtcp = options.RemoteRtcp,
            RelatchAfter = options.RelatchAfter,
            SignallingHost = options.SignallingHost,
            Time = time,
        },
            loggers.CreateLogger<RtpEndpoint>());
        // A frame of 20 ms until the feed shows its own size: the step a switch of feeds advances the timestamp by.
        var rewriter = new RtpRewriter((uint)Random.Shared.NextInt64(1, uint.MaxValue), (ushort)Random.Shared.Next(ushort.MaxValue + 1),
            (uint)Random.Shared.NextInt64(uint.MaxValue), defaultFrameSamples: (uint)Math.Max(1, options.Codec.ClockRate / 50));
        _rtcp = new RtcpReporter(_endpoint, rewriter.OutputSsrc, options.Codec.ClockRate, $"softswitch@{options.Ports.RtpEndPoint.Address}", time);
        _sender = new MediaLegSender(_endpoint, rewriter, _rtcp, _audioPayloadType);
        OutputSsrc = rewriter.OutputSsrc;
    }

    /// <summary>The SIP Call-ID of this leg (for log lines about it).</summary>
    public string CallId => _callId;

    /// <summary>Local RTP address (the one in our SDP).</summary>
    public IPEndPoint LocalRtpEndPoint => _endpoint.LocalRtpEndPoint;

    /// <summary>Where our RTP goes now (after latching); null until known. Builds a new object each time.</summary>
    public IPEndPoint? RemoteRtpEndPoint => _endpoint.RemoteRtpEndPoint;

    /// <summary>The negotiated audio format; its payload type is what we send and accept as audio.</summary>
    public MediaFormat Codec { get; }

    /// <summary>The negotiated telephone-event payload type, if any.</summary>
    public int? TelephoneEventPayloadType { get; }

    /// <summary>RTP clock rate of the telephone-event format.</summary>
    public int TelephoneEventClockRate { get; }

    /// <summary>The SSRC of the stream we send, whoever feeds it.</summary>
    public uint OutputSsrc { get; }

    /// <summary>RTCP of this leg: loss and jitter of what we receive, the far end's view of what we send.</summary>
    public RtcpReporter Rtcp => _rtcp;

    /// <summary>The leg's digits, each once, whichever way it came. Read by one reader (the IVR or the call).</summary>
    public DtmfEventStream Digits => _digits.Stream;

    /// <summary>Whether received audio is decoded for in-band DTMF.</summary>
    public bool DetectsInBandDtmf => _digits.DetectsInBand;

    /// <summary>RTP packets sent (relayed, echoed or generated).</summary>
    public long PacketsSent => _sender.PacketsSent;

    /// <summary>RTP packets received of the negotiated audio and telephone-event types.</summary>
    public long PacketsReceived => Interlocked.Read(ref _received);

    /// <summary>
    /// When the peer was last heard, RTP or RTCP (a <see cref="TimeProvider.GetTimestamp"/> value; the leg's creation
    /// until the first packet): what an inactivity timeout reads, with no timer per packet.
    /// </summary>
    public long LastReceivedTimestamp => Volatile.Read(ref _lastReceived);

    /// <summary>RTP and RTCP packets dropped because they came from another address than the far end's (injection attempts).</summary>
    public long OtherSourcePacketsDropped => _endpoint.OtherSourcePacketsDropped;

    /// <summary>Who gets the received audio and telephone-event packets; null drops them (after DTMF and tap).</summary>
    public IMediaLegConsumer? Consumer
    {
        get => Volatile.Read(ref _consumer);
        set => Volatile.Write(ref _consumer, value);
    }

    /// <summary>Sees both directions' audio (the recorder); null for none.</summary>
    public IMediaLegTap? Tap
    {
        get => Volatile.Read(ref _tap);
        set => Volatile.Write(ref _tap, value);
    }

    /// <summary>Starts receiving and RTCP reporting.</summary>
    public void Start()
    {
        _endpoint.Start();
        _rtcp.Start();
    }

    /// <summary>After a re-INVITE the far end may move its media; latching starts over.</summary>
    public void SetRemote(IPEndPoint? remoteRtp, IPEndPoint? remoteRtcp) => _endpoint.SetRemote(remoteRtp, remoteRtcp);

    /// <summary>
    /// False while our direction is recvonly or inactive (RFC 3264 §5.1: the far end put the call on hold and must not
    /// get media): relayed and generated packets are dropped until it is true again.
    /// </summary>
    public bool CanSend
    {
        get => !_sender.Paused;
        set => _sender.Paused = !value;
    }

    /// <summary>
    /// Removes <paramref name="consumer"/> if it is still the consumer (a bridge or player that was replaced in the
    /// meantime leaves its successor alone). True when it was removed.
    /// </summary>
    public bool ReleaseConsumer(IMediaLegConsumer consumer) =>
        ReferenceEquals(Interlocked.CompareExchange(ref _consumer, null, consumer), consumer);

    /// <summary>
    /// Sends a packet received elsewhere (another leg, or this one for an echo) with <paramref name="payloadType"/>,
    /// rewritten into our stream. Audio of our payload type is shown to the tap; telephone-event is not.
    /// </summary>
    /// <returns>False when it could not be sent (not RTP, no remote yet, leg closed).</returns>
    public bool Relay(ReadOnlySpan<byte> packet, byte payloadType) => _sender.Relay(packet, payloadType, Tap);

    /// <inheritdoc />
    public bool SendFrame(ReadOnlySpan<byte> payload, int samples, bool marker) => _sender.SendFrame(payload, samples, marker, Tap);

    // Hooks for a transcoding bridge, which regenerates the other leg's RFC 4733 events in this leg's stream.

    /// <summary>The RFC 4733 receiver of this leg (its DigitStarted/DigitEnded); null without telephone-event.</summary>
    internal TelephoneEventReceiver? TelephoneEventReceiver => _digits.TelephoneEvents;

    /// <summary>The timestamp (in the generated line) the next generated frame would carry.</summary>
    internal uint NextFrameTimestamp => _sender.NextGeneratedTimestamp;

    /// <summary>Sends one telephone-event payload in the generated stream; false without telephone-event or when not sent.</summary>
    internal bool SendTelephoneEvent(ReadOnlySpan<byte> payload, uint timestamp, bool marker) =>
        TelephoneEventPayloadType is { } payloadType && _sender.SendGeneratedEvent(payload, (byte)payloadType, timestamp, marker);

    /// <summary>Moves the generated timestamp line on by <paramref name="units"/> without sending.</summary>
    internal void SkipFrameTime(uint units) => _sender.SkipGenerated(units);

    /// <summary>An INFO in this leg's dialog; true when it carried a new digit.</summary>
    public bool OnSipInfo(string? contentType, ReadOnlySpan<byte> body) => _digits.OnSipInfo(contentType, body);

    /// <inheritdoc />
    public void OnRtp(ReadOnlySpan<byte> packet, SocketAddress from)
    {
        if (RtpHeader.TryParse(packet, out var header, out var payloadOffset) != RtpParseStatus.Success)
        {
            return;
        }

        Volatile.Write(ref _lastReceived, _time.GetTimestamp());
        _rtcp.OnReceived(header);
        var payload = packet.Slice(payloadOffset, header.PayloadLength);
        if (header.PayloadType == _audioPayloadType)
        {
            Interlocked.Increment(ref _received);
            _digits.OnAudio(payload);
            Tap?.OnReceived(header.SequenceNumber, header.Timestamp, header.Marker, payload);
        }
        else if (_digits.IsTelephoneEvent(header.PayloadType))
        {
            Interlocked.Increment(ref _received);
            _digits.OnTelephoneEvent(header, payload);
        }
        else
        {
            // sipp's play_dtmf opens with payload type 97, which no SDP named.
            if (Interlocked.Increment(ref _foreign) == 1)
            {
                LogForeignPayloadType(_callId, header.PayloadType);
            }

            return;
        }

        Consumer?.OnPacket(header, packet, payloadOffset);
    }

    /// <summary>The far end's reports are read (its view of our stream).</summary>
    public void OnRtcp(ReadOnlySpan<byte> packet, SocketAddress from)
    {
        Volatile.Write(ref _lastReceived, _time.GetTimestamp());
        _rtcp.OnRtcp(packet);
    }

    /// <summary>
    /// Says RTCP BYE, stops receiving and completes <see cref="Digits"/> (after a tone still sounding is reported).
    /// The port pair stays the caller's to dispose.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Consumer = null;
        _sender.Close();
        _rtcp.Stop(); // a last report and BYE while the socket is still open
        await _endpoint.DisposeAsync().ConfigureAwait(false);
        _digits.Dispose();
        LogClosed(_callId, PacketsReceived, PacketsSent, _rtcp.PacketsLost, _rtcp.Jitter.TotalMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{CallId}: dropping RTP payload type {PayloadType}, not negotiated")]
    private partial void LogForeignPayloadType(string callId, byte payloadType);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{CallId}: media leg closed, {Received} packets received, {Sent} sent, {Lost} lost, jitter {JitterMs:F1} ms")]
    private partial void LogClosed(string callId, long received, long sent, long lost, double jitterMs);
}
