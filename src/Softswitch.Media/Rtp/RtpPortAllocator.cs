using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Softswitch.Media.Rtp;

/// <summary>
/// Hands out RTP/RTCP port pairs from the configured range <c>rtp.port_min..rtp.port_max</c>: an even
/// RTP port and the odd RTCP port above it, both bound before the pair is returned.
/// </summary>
/// <remarks>
/// Free pairs wait in a FIFO queue: allocation takes from the head, release appends to the tail, so a
/// just-released port is reused last and late packets of an ended call do not reach the next one.
/// A pair is bound the first time a call needs it and then stays bound, with its receive loops running, until the
/// allocator is disposed (<see cref="BoundPortPair"/>): the pool grows to the most calls the switch has had at once.
/// A pair another program holds fails to bind; it goes back to the tail and the next one is tried.
/// Thread-safe; allocation and release are O(1) apart from such skips.
/// </remarks>
public sealed class RtpPortAllocator : IDisposable
{
    private readonly ConcurrentQueue<int> _free = new();
    private readonly BoundPortPair?[] _bound;
    private readonly int _first;
    private readonly ILogger _logger;
    private readonly RtpPoller? _poller;
    private int _disposed;

    /// <summary>Creates a pool over <paramref name="portMin"/>..<paramref name="portMax"/> bound to <paramref name="bindAddress"/>.</summary>
    /// <param name="portMin">First port; an odd value starts the pairs at the next even port.</param>
    /// <param name="portMax">Last port; a pair's RTCP port never exceeds it.</param>
    /// <param name="bindAddress">Local address for both sockets (127.0.0.1 when null).</param>
    /// <param name="logger">Optional logger.</param>
    public RtpPortAllocator(int portMin, int portMax, IPAddress? bindAddress = null, ILogger<RtpPortAllocator>? logger = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(portMin, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(portMax, IPEndPoint.MaxPort);
        var first = (portMin + 1) & ~1;
        if (first + 1 > portMax)
        {
            throw new ArgumentException($"The RTP port range {portMin}-{portMax} holds no even/odd pair.", nameof(portMax));
        }

        PortMin = portMin;
        PortMax = portMax;
        BindAddress = bindAddress ?? IPAddress.Loopback;
        _logger = logger ?? NullLogger<RtpPortAllocator>.Instance;
        for (var port = first; port + 1 <= portMax; port += 2)
        {
            _free.Enqueue(port);
        }

        Capacity = _free.Count;
        _first = first;
        _bound = new BoundPortPair?[Capacity];
        _poller = RtpPoller.IsSupported ? new RtpPoller(BindAddress.AddressFamily, _logger) : null;
    }

    /// <summary>First port of the range.</summary>
    public int PortMin { get; }

    /// <summary>Last port of the range.</summary>
    public int PortMax { get; }

    /// <summary>The local address the sockets bind to.</summary>
    public IPAddress BindAddress { get; }

    /// <summary>Number of pairs in the range.</summary>
    public int Capacity { get; }

    /// <summary>Pairs not handed out right now (some may be held by other programs).</summary>
    public int Available => _free.Count;

    /// <summary>Binds and returns the next free pair.</summary>
    /// <exception cref="RtpPortsExhaustedException">No pair of the range could be bound.</exception>
    public RtpPortPair Allocate() =>
        TryAllocate(out var pair) ? pair : throw new RtpPortsExhaustedException(PortMin, PortMax, Capacity);

    /// <summary>Binds and returns the next free pair; false when none could be bound.</summary>
    public bool TryAllocate([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RtpPortPair? pair)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        // Each queued pair is tried at most once per call, so a range full of foreign sockets ends the loop.
        var attempts = _free.Count;
        for (var i = 0; i < attempts && _free.TryDequeue(out var port); i++)
        {
            var slot = (port - _first) / 2;
            var bound = Volatile.Read(ref _bound[slot]);
            if (bound is not null || TryBind(port, out bound))
            {
                Volatile.Write(ref _bound[slot], bound);
                // Disposed while this pair was being bound: close it too, as Dispose may have passed its slot.
                if (Volatile.Read(ref _disposed) != 0) bound.Close();
                pair = new RtpPortPair(this, bound);
                return true;
            }

            RtpLog.PortPairBusy(_logger, port, port + 1);
            _free.Enqueue(port);
        }

        pair = null;
        return false;
    }

    internal void Release(int rtpPort) => _free.Enqueue(rtpPort);

    /// <summary>Closes every socket the pool bound; pairs still held by calls go quiet.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        // The poller's threads leave within one wait; a receive they still make on a closed socket reads nothing.
        _poller?.Dispose();
        for (var slot = 0; slot < _bound.Length; slot++)
        {
            Volatile.Read(ref _bound[slot])?.Close();
        }
    }

    /// <summary>Whatever receives for the pairs bound so far: ended after dispose (tests wait on it).</summary>
    internal Task Receivers => Task.WhenAll(_bound.Where(b => b is not null).Select(b => b!.Loops).Append(_poller?.Stopped ?? Task.CompletedTask));

    private bool TryBind(int port, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out BoundPortPair? pair)
    {
        pair = null;
        Socket? rtp = null;
        Socket? rtcp = null;
        try
        {
            rtp = Bind(port);
            rtcp = Bind(port + 1);
            pair = new BoundPortPair(rtp, rtcp, _logger);
            pair.StartReceiving(_poller);
            return true;
        }
        catch (SocketException)
        {
            rtp?.Dispose();
            rtcp?.Dispose();
            return false;
        }
    }

    private Socket Bind(int port)
    {
        var socket = new Socket(BindAddress.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            // No SO_REUSEADDR: a port someone else holds must fail to bind, not be shared.
            if (OperatingSystem.IsWindows())
            {
                socket.ExclusiveAddressUse = true;
            }

            socket.Bind(new IPEndPoint(BindAddress, port));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
