using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace Softswitch.Media.Rtp;

/// <summary>
/// Receives RTP and RTCP for every bound port pair on a few threads of its own, each waiting in its own epoll set for
/// readable sockets only, then reading one datagram per ready socket with a plain non-blocking receive (Linux).
/// </summary>
/// <remarks>
/// Why not the runtime's asynchronous receives: a socket with one pending is registered with the runtime's epoll loop
/// for reading and writing, so every packet sent from it (a relayed or played packet, fifty a second per leg) raised a
/// writable edge that woke that loop's thread: a sent packet cost twice the CPU of a socket nobody waits on
/// (tests/Softswitch.Benchmarks, <c>rtpsend</c>). Here a socket is only ever used synchronously, so a send is one system
/// call. Pairs are spread over the threads (one per core, at most four); a datagram is handed over on the thread that
/// read it, one at a time per thread, as the relay and the jitter buffers expect. Level-triggered: a socket with more
/// datagrams waiting is simply reported again.
/// </remarks>
internal sealed class RtpPoller : IDisposable
{
    private const int MaxEventsPerWait = 128;
    private const int WaitMilliseconds = 200; // how soon a stopping poller notices

    private readonly List<BoundPortPair> _pairs = [];
    private readonly Lock _gate = new();
    private readonly Worker[] _workers;
    private readonly ILogger _logger;
    private readonly AddressFamily _family;
    private volatile bool _stopping;

    /// <param name="family">The sockets' address family (the allocator binds every pair to one address).</param>
    public RtpPoller(AddressFamily family, ILogger logger, int? threads = null)
    {
        _family = family;
        _logger = logger;
        _workers = new Worker[threads ?? Math.Clamp(Environment.ProcessorCount, 1, 4)];
        for (var i = 0; i < _workers.Length; i++)
        {
            var epoll = EpollNative.Create(EpollNative.CloseOnExec);
            if (epoll < 0) throw new SocketException(Marshal.GetLastPInvokeError());
            _workers[i] = new Worker(this, epoll, i);
        }
    }

    public static bool IsSupported => OperatingSystem.IsLinux();

    /// <summary>Ended once every thread has left (after <see cref="Dispose"/>).</summary>
    public Task Stopped => Task.WhenAll(_workers.Select(w => w.Exited.Task));

    /// <summary>Watches both sockets of <paramref name="pair"/> from now on; it receives until the poller is disposed.</summary>
    public void Add(BoundPortPair pair)
    {
        pair.RtpSocket.Blocking = false;
        pair.RtcpSocket.Blocking = false;
        int index;
        lock (_gate)
        {
            index = _pairs.Count;
            _pairs.Add(pair);
        }

        var worker = _workers[index % _workers.Length];
        worker.Watch(pair.RtpSocket, (ulong)index << 1);
        worker.Watch(pair.RtcpSocket, ((ulong)index << 1) | 1);
        worker.EnsureStarted();
    }

    public void Dispose()
    {
        if (_stopping) return;
        _stopping = true;
        foreach (var worker in _workers) worker.Stop();
    }

    private BoundPortPair PairAt(int index)
    {
        lock (_gate) return _pairs[index];
    }

    private sealed class Worker(RtpPoller poller, int epoll, int number)
    {
        private readonly Lock _startGate = new();
        private Thread? _thread;

        public TaskCompletionSource Exited { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Watch(Socket socket, ulong data)
        {
            Span<byte> record = stackalloc byte[16];
            EpollNative.WriteEvent(record, EpollNative.Readable, data);
            var fd = (int)socket.SafeHandle.DangerousGetHandle();
            if (EpollNative.Control(epoll, EpollNative.Add, fd, ref record[0]) != 0)
            {
                throw new SocketException(Marshal.GetLastPInvokeError());
            }
        }

        public void EnsureStarted()
        {
            if (Volatile.Read(ref _thread) is not null) return;
            lock (_startGate)
            {
                if (_thread is not null) return;
                var thread = new Thread(Run) { IsBackground = true, Name = $"RTP receive {number}" };
                thread.Start();
                _thread = thread;
            }
        }

        public void Stop()
        {
            lock (_startGate)
            {
                if (_thread is null)
                {
                    EpollNative.Close(epoll);
                    Exited.TrySetResult();
                }
            }
        }

        private void Run()
        {
            // One buffer and one source address per thread: a datagram is handed over before the next is read.
            var records = GC.AllocateArray<byte>(MaxEventsPerWait * EpollNative.EventSize, pinned: true);
            var rtp = GC.AllocateUninitializedArray<byte>(BoundPortPair.RtpBufferSize, pinned: true);
            var rtcp = GC.AllocateUninitializedArray<byte>(BoundPortPair.RtcpBufferSize, pinned: true);
            var from = new SocketAddress(poller._family, SocketAddress.GetMaximumAddressSize(poller._family));
            try
            {
                while (!poller._stopping)
                {
                    var ready = EpollNative.Wait(epoll, ref records[0], MaxEventsPerWait, WaitMilliseconds);
                    if (ready < 0)
                    {
                        var error = Marshal.GetLastPInvokeError();
                        if (error == EpollNative.Interrupted) continue;
                        RtpLog.PollFailed(poller._logger, number, error);
                        return;
                    }

                    for (var i = 0; i < ready; i++)
                    {
                        var data = EpollNative.ReadData(records, i);
                        var isRtcp = (data & 1) != 0;
                        poller.PairAt((int)(data >> 1)).ReceiveOne(isRtcp, isRtcp ? rtcp : rtp, from);
                    }
                }
            }
            finally
            {
                EpollNative.Close(epoll);
                Exited.TrySetResult();
            }
        }
    }
}
