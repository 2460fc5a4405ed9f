using System.Net;

namespace Softswitch.Media.Rtp;

/// <summary>
/// Symmetric RTP latching (RFC 4961, "comedia"): decides whether packets from an address other than
/// the current remote should move the remote there, as when the peer is behind a NAT and its SDP names
/// a private address.
/// </summary>
/// <remarks>
/// The rule, chosen to resist a single spoofed packet:
/// <list type="bullet">
/// <item>A packet from the current remote is delivered and cancels any candidate run.</item>
/// <item>Another address must send <see cref="RequiredPackets"/> consecutive packets (nothing from the
/// current remote in between, no other address interleaved) all with one SSRC.</item>
/// <item>If an SSRC was already heard from the current remote, the candidate must use that same SSRC
/// (a NAT rebinding keeps the SSRC). If nothing was ever heard from it (its SDP address is unreachable),
/// any steady SSRC qualifies.</item>
/// <item>Packets of a candidate are dropped until it latches. A peer that really moves with a new SSRC
/// announces it in a re-INVITE; the owner then calls <see cref="Reset"/> with the new address.</item>
/// </list>
/// Not thread-safe: used from one receive loop. <see cref="Current"/> is swapped as a whole, so a sender
/// on another thread reads either the old or the new address.
/// </remarks>
public sealed class RtpSourceLatch
{
    private SocketAddress? _current;
    private SocketAddress? _candidate;
    private bool _hasCurrentSsrc;
    private uint _currentSsrc;
    private uint _candidateSsrc;
    private int _candidateCount;

    /// <summary>Creates a latch needing <paramref name="requiredPackets"/> consecutive packets to move.</summary>
    public RtpSourceLatch(int requiredPackets, SocketAddress? initialRemote = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requiredPackets);
        RequiredPackets = requiredPackets;
        Reset(initialRemote);
    }

    /// <summary>Consecutive packets a new address must send to win the latch.</summary>
    public int RequiredPackets { get; }

    /// <summary>Where packets go now (the SDP address until latched); null when unknown.</summary>
    public SocketAddress? Current => Volatile.Read(ref _current);

    /// <summary>The SSRC heard from the current remote, if any.</summary>
    public uint? CurrentSsrc => _hasCurrentSsrc ? _currentSsrc : null;

    /// <summary>How many times the remote moved.</summary>
    public int LatchCount { get; private set; }

    /// <summary>Starts over with <paramref name="remote"/> (e.g. the address of a new SDP answer); copied.</summary>
    public void Reset(SocketAddress? remote)
    {
        Volatile.Write(ref _current, remote is null ? null : Copy(remote, null));
        _hasCurrentSsrc = false;
        _candidateCount = 0;
    }

    /// <summary>Judges one packet from <paramref name="from"/> carrying <paramref name="ssrc"/>.</summary>
    public RtpLatchDecision Observe(SocketAddress from, uint ssrc)
    {
        ArgumentNullException.ThrowIfNull(from);
        if (from.Equals(_current))
        {
            _candidateCount = 0;
            _currentSsrc = ssrc;
            _hasCurrentSsrc = true;
            return RtpLatchDecision.FromRemote;
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
        Volatile.Write(ref _current, Copy(from, null));
        _currentSsrc = ssrc;
        _hasCurrentSsrc = true;
        _candidateCount = 0;
        LatchCount++;
        return RtpLatchDecision.Latched;
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
