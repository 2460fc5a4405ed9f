using System.Net;

namespace Softswitch.Media.Rtp;

/// <summary>
/// Symmetric RTP latching (RFC 4961, "comedia") made strict (as Asterisk's <c>strictrtp</c>): decides whether a
/// packet's source is the far end, whether the remote should move there (the peer is behind a NAT and its SDP names a
/// private address), or whether it is someone else's packet to drop.
/// </summary>
/// <remarks>
/// The rules, chosen so that neither a spoofed packet nor a stream of them from a third address gets into a call:
/// <list type="bullet">
/// <item>A packet from the current remote is delivered, cancels any candidate run and marks the remote as live.</item>
/// <item>A packet from the address the SDP named always wins the remote back at once: signalling that passed digest
/// said so, which outranks anything an unknown source can prove.</item>
/// <item>While the remote is live (heard within <see cref="RelatchAfter"/>), packets from any other address are
/// <see cref="RtpLatchDecision.Rejected"/>. Only after it has been silent that long (a phone that changed network, a
/// NAT binding that moved) may another address earn the latch.</item>
/// <item>Before anything was heard from the remote (a caller that has not spoken yet, or whose SDP names a private
/// address), the hosts the call's signalling names may earn it at once: the SDP's host and the host the INVITE came
/// from (a NAT sends media from the same public address as SIP). Any other host only once the call has gone
/// <see cref="RelatchAfter"/> without hearing them (a multi-homed phone whose SDP names one address and sends from
/// another), so a third host spraying packets from the answer on loses to a caller that speaks within that time.</item>
/// <item>To earn it, an address must send <see cref="RequiredPackets"/> consecutive packets (nothing from the current
/// remote in between, no other address interleaved) all with one SSRC; once an SSRC was heard from the remote, the
/// candidate must carry that SSRC (a NAT rebinding keeps it). Its packets are dropped until it latches. A peer that
/// really moves with a new SSRC announces it in a re-INVITE; the owner then calls <see cref="Reset"/>.</item>
/// </list>
/// Not thread-safe: used from one receive loop. <see cref="Current"/> is swapped as a whole, so a sender on another
/// thread reads either the old or the new address.
/// </remarks>
public sealed class RtpSourceLatch
{
    private readonly TimeProvider _time;
    private readonly SocketAddress? _signallingHost;
    private SocketAddress? _current;
    private SocketAddress? _signalled;
    private SocketAddress? _candidate;
    private bool _hasCurrentSsrc;
    private uint _currentSsrc;
    private uint _candidateSsrc;
    private int _candidateCount;
    private long _lastHeard;
    private long _resetAt;

    /// <summary>
    /// Creates a latch needing <paramref name="requiredPackets"/> consecutive packets to move, and only after the current
    /// remote has been silent for <paramref name="relatchAfter"/> (zero: whenever and from anywhere, as plain symmetric
    /// RTP). <paramref name="signallingHost"/> is where the call's SIP came from (null: unknown, any host may be learnt).
    /// </summary>
    public RtpSourceLatch(int requiredPackets, SocketAddress? initialRemote = null, TimeSpan? relatchAfter = null, TimeProvider? time = null,
        IPAddress? signallingHost = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requiredPackets);
        RelatchAfter = relatchAfter ?? RtpEndpointOptions.DefaultRelatchAfter;
        ArgumentOutOfRangeException.ThrowIfLessThan(RelatchAfter, TimeSpan.Zero);
        RequiredPackets = requiredPackets;
        _time = time ?? TimeProvider.System;
        _signallingHost = signallingHost is null ? null : new IPEndPoint(signallingHost, 0).Serialize();
        Reset(initialRemote);
    }

    /// <summary>Consecutive packets a new address must send to win the latch.</summary>
    public int RequiredPackets { get; }

    /// <summary>How long the current remote must have been silent before another address may take its place.</summary>
    public TimeSpan RelatchAfter { get; }

    private bool IsStrict => RelatchAfter > TimeSpan.Zero;

    /// <summary>Where packets go now (the SDP address until latched); null when unknown.</summary>
    public SocketAddress? Current => Volatile.Read(ref _current);

    /// <summary>The SSRC heard from the current remote, if any.</summary>
    public uint? CurrentSsrc => _hasCurrentSsrc ? _currentSsrc : null;

    /// <summary>How many times the remote moved.</summary>
    public int LatchCount { get; private set; }

    /// <summary>Starts over with <paramref name="remote"/> (e.g. the address of a new SDP answer); copied.</summary>
    public void Reset(SocketAddress? remote)
    {
        _signalled = remote is null ? null : Copy(remote, null);
        Volatile.Write(ref _current, _signalled);
        _hasCurrentSsrc = false;
        _candidateCount = 0;
        _resetAt = _time.GetTimestamp();
    }

    /// <summary>Whether <paramref name="address"/> is on the same host (IP address, any port) as the current remote.</summary>
    public bool IsCurrentHost(SocketAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return Volatile.Read(ref _current) is { } current && SameHost(current, address);
    }

    /// <summary>Judges one packet from <paramref name="from"/> carrying <paramref name="ssrc"/>.</summary>
    public RtpLatchDecision Observe(SocketAddress from, uint ssrc)
    {
        ArgumentNullException.ThrowIfNull(from);
        long now = _time.GetTimestamp();
        if (from.Equals(_current))
        {
            Heard(ssrc, now);
            return RtpLatchDecision.FromRemote;
        }

        if (_signalled is not null && from.Equals(_signalled))
        {
            return MoveTo(_signalled, ssrc, now);
        }

        if (IsStrict && (_hasCurrentSsrc
            ? _time.GetElapsedTime(_lastHeard, now) < RelatchAfter
            : !IsSignalledHost(from) && _time.GetElapsedTime(_resetAt, now) < RelatchAfter))
        {
            _candidateCount = 0;
            return RtpLatchDecision.Rejected;
        }

        if (_hasCurrentSsrc && ssrc != _currentSsrc)
        {
            _candidateCount = 0;
            return RtpLatchDecision.Candidate;
        }

        if (_candidateCount > 0 && from.Equals(_candidate) && ssrc == _candidateSsrc)
        {
            _candidateCount++;
        }
        else
        {
            _candidate = Copy(from, _candidate);
            _candidateSsrc = ssrc;
            _candidateCount = 1;
        }

        if (_candidateCount < RequiredPackets)
        {
            return RtpLatchDecision.Candidate;
        }

        // A fresh object, never mutated afterwards, so concurrent senders see a consistent address.
        return MoveTo(Copy(from, null), ssrc, now);
    }

    /// <summary>The SDP's host or the INVITE's; any host when the call named neither.</summary>
    private bool IsSignalledHost(SocketAddress from) =>
        (_signalled is null && _signallingHost is null)
        || (_signalled is not null && SameHost(_signalled, from))
        || (_signallingHost is not null && SameHost(_signallingHost, from));

    private RtpLatchDecision MoveTo(SocketAddress remote, uint ssrc, long now)
    {
        Volatile.Write(ref _current, remote);
        Heard(ssrc, now);
        LatchCount++;
        return RtpLatchDecision.Latched;
    }

    private void Heard(uint ssrc, long now)
    {
        _candidateCount = 0;
        _currentSsrc = ssrc;
        _hasCurrentSsrc = true;
        _lastHeard = now;
    }

    /// <summary>Same family and IP address; the port (and for IPv6 the flow label) may differ.</summary>
    private static bool SameHost(SocketAddress a, SocketAddress b)
    {
        if (a.Family != b.Family) return false;
        // sockaddr_in: family (2), port (2), address (4); sockaddr_in6: family (2), port (2), flow info (4), address (16).
        var (offset, length) = a.Family == System.Net.Sockets.AddressFamily.InterNetworkV6 ? (8, 16) : (4, 4);
        if (a.Size < offset + length || b.Size < offset + length) return false;
        return a.Buffer.Span.Slice(offset, length).SequenceEqual(b.Buffer.Span.Slice(offset, length));
    }

    private static SocketAddress Copy(SocketAddress source, SocketAddress? reuse)
    {
        var copy = reuse is not null && reuse.Family == source.Family && reuse.Buffer.Length >= source.Size
            ? reuse
            : new SocketAddress(source.Family, SocketAddress.GetMaximumAddressSize(source.Family));
        copy.Size = source.Size;
        source.Buffer.Span[..source.Size].CopyTo(copy.Buffer.Span);
        return copy;
    }
}
