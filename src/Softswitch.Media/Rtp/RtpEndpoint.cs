using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Softswitch.Media.Rtp;

/// <summary>
/// The media end of one call leg on one <see cref="RtpPortPair"/>: it receives what the pair's always-running loops
/// read (<see cref="BoundPortPair"/>: a pinned buffer and the <see cref="SocketAddress"/> overload of ReceiveFrom, so
/// nothing is allocated per packet) between <see cref="Start"/> and <see cref="DisposeAsync"/>; symmetric RTP with
/// latching (<see cref="RtpSourceLatch"/>); and allocation-free sends to the current remote.
/// </summary>
/// <remarks>
/// RTCP follows RTP: its destination starts as <see cref="RtpEndpointOptions.RemoteRtcp"/> (or RTP port + 1)
/// and moves to the source of an RTCP packet whose sender SSRC is the SSRC the RTP latch trusts and which comes
/// from the same host as the latched RTP. RTCP from anywhere else is dropped and counted with the RTP
/// <see cref="OtherSourcePacketsDropped"/>.
/// </remarks>
public sealed class RtpEndpoint : IAsyncDisposable, IRtpDatagramReceiver
{
    private readonly RtpPortPair _ports;
    private readonly IRtpPacketSink _sink;
    private readonly RtpEndpointOptions _options;
    private readonly ILogger _logger;
    private readonly RtpSourceLatch _latch;
    private SocketAddress? _remoteRtcp;
    private long _rtpReceived;
    private long _dropped;
    private long _otherSource;
    private int _started;
    private int _disposed;

    /// <summary>Creates the endpoint; nothing is received until <see cref="Start"/>.</summary>
    public RtpEndpoint(RtpPortPair ports, IRtpPacketSink sink, RtpEndpointOptions? options = null, ILogger<RtpEndpoint>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(ports);
        ArgumentNullException.ThrowIfNull(sink);
        _ports = ports;
        _sink = sink;
        _options = options ?? new RtpEndpointOptions();
        _logger = logger ?? NullLogger<RtpEndpoint>.Instance;
        _latch = new RtpSourceLatch(_options.LatchAfterPackets, relatchAfter: _options.RelatchAfter, time: _options.Time,
            signallingHost: _options.SignallingHost);
        SetRemote(_options.RemoteRtp, _options.RemoteRtcp);
    }

    /// <summary>Local RTP address.</summary>
    public IPEndPoint LocalRtpEndPoint => _ports.RtpEndPoint;

    /// <summary>Where RTP is sent now (diagnostics; builds a new object each time).</summary>
    public IPEndPoint? RemoteRtpEndPoint => ToEndPoint(_latch.Current);

    /// <summary>Where RTCP is sent now (diagnostics).</summary>
    public IPEndPoint? RemoteRtcpEndPoint => ToEndPoint(Volatile.Read(ref _remoteRtcp));

    /// <summary>How many times the remote RTP address moved by latching.</summary>
    public int LatchCount => _latch.LatchCount;

    /// <summary>RTP packets delivered to the sink.</summary>
    public long RtpPacketsReceived => Interlocked.Read(ref _rtpReceived);

    /// <summary>Datagrams dropped: not RTP/RTCP, or from an address that has not earned the latch.</summary>
    public long PacketsDropped => Interlocked.Read(ref _dropped);

    /// <summary>
    /// RTP and RTCP packets dropped because they came from an address other than the far end's (a third party trying
    /// to inject audio, or a candidate that has not earned the latch); a part of <see cref="PacketsDropped"/>.
    /// </summary>
    public long OtherSourcePacketsDropped => Interlocked.Read(ref _otherSource);

    /// <summary>
    /// Sets the remote from (new) SDP, e.g. after a re-INVITE, and starts latching over.
    /// Call it from the owner's actor; the receive loop and senders see the change atomically.
    /// </summary>
    public void SetRemote(IPEndPoint? remoteRtp, IPEndPoint? remoteRtcp = null)
    {
        _latch.Reset(remoteRtp?.Serialize());
        var rtcp = remoteRtcp ?? (remoteRtp is null ? null : new IPEndPoint(remoteRtp.Address, remoteRtp.Port + 1));
        Volatile.Write(ref _remoteRtcp, rtcp?.Serialize());
    }

    /// <summary>Starts receiving on both ports.</summary>
    public void Start()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("The RTP endpoint is already started.");
        }

        _ports.Attach(this);
    }

    /// <summary>Sends an RTP packet to the current remote; false when none is known or the send failed.</summary>
    public bool Send(ReadOnlySpan<byte> packet) => SendTo(_ports.RtpSocket, packet, _latch.Current);

    /// <summary>Sends an RTCP compound packet to the current remote RTCP address.</summary>
    public bool SendRtcp(ReadOnlySpan<byte> packet) => SendTo(_ports.RtcpSocket, packet, Volatile.Read(ref _remoteRtcp));

    /// <summary>
    /// Stops receiving: when this returns no packet is being handed to the sink and none will be. The port pair stays
    /// owned by the caller.
    /// </summary>
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _ports.Detach(this);
        }

        return ValueTask.CompletedTask;
    }

    private bool SendTo(Socket socket, ReadOnlySpan<byte> packet, SocketAddress? destination)
    {
        // Once disposed the sockets may already carry another call: a late sender must not speak from them.
        if (destination is null || Volatile.Read(ref _disposed) != 0)
        {
            return false;
        }

        try
        {
            socket.SendTo(packet, SocketFlags.None, destination);
            return true;
        }
        catch (SocketException exception)
        {
            RtpLog.SendFailed(_logger, _ports.RtpPort, exception.SocketErrorCode);
            return false;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    void IRtpDatagramReceiver.OnRtpDatagram(ReadOnlySpan<byte> datagram, SocketAddress from)
    {
        if (RtpHeader.TryParse(datagram, out var header, out _) != RtpParseStatus.Success)
        {
            Interlocked.Increment(ref _dropped);
            return;
        }

        var decision = _latch.Observe(from, header.Ssrc);
        if (decision is RtpLatchDecision.Candidate or RtpLatchDecision.Rejected)
        {
            DropFromOtherSource();
            return;
        }

        if (decision == RtpLatchDecision.Latched)
        {
            RtpLog.Latched(_logger, _ports.RtpPort, ToEndPoint(from)!, header.Ssrc);
        }

        Interlocked.Increment(ref _rtpReceived);
        try
        {
            _sink.OnRtp(datagram, from);
        }
        catch (Exception exception)
        {
            // A faulty sink must not end the stream.
            RtpLog.SinkFailed(_logger, _ports.RtpPort, exception);
        }
    }

    void IRtpDatagramReceiver.OnRtcpDatagram(ReadOnlySpan<byte> datagram, SocketAddress from)
    {
        if (datagram.Length < 8 || datagram[0] >> 6 != RtpHeader.Version)
        {
            Interlocked.Increment(ref _dropped);
            return;
        }

        if (!from.Equals(Volatile.Read(ref _remoteRtcp)))
        {
            // Strict: only the latched stream's sender, from the host the RTP comes from (a NAT maps both ports there).
            var senderSsrc = BinaryPrimitives.ReadUInt32BigEndian(datagram[4..]);
            if (_latch.CurrentSsrc != senderSsrc || !_latch.IsCurrentHost(from))
            {
                DropFromOtherSource();
                return;
            }

            var moved = new SocketAddress(from.Family, from.Size);
            from.Buffer.Span[..from.Size].CopyTo(moved.Buffer.Span);
            Volatile.Write(ref _remoteRtcp, moved);
        }

        try
        {
            _sink.OnRtcp(datagram, from);
        }
        catch (Exception exception)
        {
            RtpLog.SinkFailed(_logger, _ports.RtpPort, exception);
        }
    }

    private void DropFromOtherSource()
    {
        Interlocked.Increment(ref _dropped);
        Interlocked.Increment(ref _otherSource);
    }

    private static IPEndPoint? ToEndPoint(SocketAddress? address) =>
        address is null ? null : (IPEndPoint)new IPEndPoint(IPAddress.Any, 0).Create(address);
}
