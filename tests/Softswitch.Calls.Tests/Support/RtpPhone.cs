using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Softswitch.Media.Rtp;

namespace Softswitch.Calls.Tests.Support;

/// <summary>
/// A phone's media: plain UDP sockets on 127.0.0.1 (RTP, and RTCP so the switch's reports land somewhere), sending an
/// RTP stream of its own and keeping every RTP packet that arrives, with its arrival time.
/// </summary>
internal sealed class RtpPhone : IAsyncDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);

    private readonly Socket _rtp;
    private readonly Socket _rtcp;
    private readonly List<ReceivedRtp> _received = [];
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiving;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private ushort _sequence = (ushort)Random.Shared.Next(ushort.MaxValue + 1);
    private uint _timestamp = (uint)Random.Shared.NextInt64(uint.MaxValue);

    public RtpPhone()
    {
        _rtp = Bind();
        _rtcp = Bind();
        _receiving = Task.Run(ReceiveLoopAsync);
    }

    public int RtpPort => ((IPEndPoint)_rtp.LocalEndPoint!).Port;

    public int RtcpPort => ((IPEndPoint)_rtcp.LocalEndPoint!).Port;

    public uint Ssrc { get; } = (uint)Random.Shared.NextInt64(1, uint.MaxValue);

    /// <summary>Where the switch's media for this phone is, from its SDP; set by the test.</summary>
    public IPEndPoint? Remote { get; set; }

    /// <summary>Packets received so far.</summary>
    public int Count
    {
        get
        {
            lock (_received) return _received.Count;
        }
    }

    /// <summary>A snapshot of the packets received from index <paramref name="skip"/> on.</summary>
    public List<ReceivedRtp> Received(int skip = 0)
    {
        lock (_received) return _received.Skip(skip).ToList();
    }

    /// <summary>Sends the next audio packet of this phone's stream (20 ms at 8 kHz).</summary>
    public void SendAudio(ReadOnlySpan<byte> payload, byte payloadType = 0, bool marker = false)
    {
        Send(payloadType, _timestamp, payload, marker);
        _timestamp += TestAudio.FrameSamples;
    }

    /// <summary>
    /// Sends one RFC 4733 key press as a phone does: a marked start, updates with growing duration, then the end
    /// packet three times, all with the event's start timestamp (§2.5.1).
    /// </summary>
    public void SendDigit(byte eventCode, byte payloadType)
    {
        var start = _timestamp;
        ushort[] durations = [160, 320, 480, 640];
        for (var i = 0; i < durations.Length; i++) Send(payloadType, start, Event(eventCode, end: false, durations[i]), marker: i == 0);
        for (var i = 0; i < 3; i++) Send(payloadType, start, Event(eventCode, end: true, 800), marker: false);
        _timestamp += 800;
    }

    /// <summary>
    /// Sends a frame every 20 ms (frame number → payload) until a packet that matches arrives at
    /// <paramref name="receiver"/> (this phone by default), then returns it; fails after 10 s. This is how a test waits
    /// for media that starts on an event it cannot observe directly.
    /// </summary>
    public async Task<ReceivedRtp> SendUntilAsync(Func<int, byte[]> frame, Func<ReceivedRtp, bool> match, string what, RtpPhone? receiver = null)
    {
        receiver ??= this;
        var deadline = _clock.Elapsed + s_timeout;
        var skip = 0;
        for (var index = 0; _clock.Elapsed < deadline; index++)
        {
            SendAudio(frame(index));
            var (found, seen) = receiver.Find(match, skip);
            if (found is not null) return found;
            skip = seen;
            await receiver._arrived.WaitAsync(TimeSpan.FromMilliseconds(20));
        }

        throw new TimeoutException($"no {what} arrived within {s_timeout.TotalSeconds} s");
    }

    /// <summary>Waits up to 10 s for a packet (from index <paramref name="skip"/> on) that matches.</summary>
    public async Task<ReceivedRtp> WaitForAsync(Func<ReceivedRtp, bool> match, string what, int skip = 0)
    {
        var deadline = _clock.Elapsed + s_timeout;
        while (true)
        {
            var (found, seen) = Find(match, skip);
            if (found is not null) return found;
            skip = seen;
            var left = deadline - _clock.Elapsed;
            if (left <= TimeSpan.Zero) throw new TimeoutException($"no {what} arrived within {s_timeout.TotalSeconds} s");
            await _arrived.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>Waits until <paramref name="count"/> more packets than <paramref name="skip"/> have arrived.</summary>
    public Task WaitForCountAsync(int count, int skip = 0) =>
        Eventually.TrueAsync(() => Count - skip >= count, () => $"only {Count - skip} of {count} RTP packets arrived");

    /// <summary>
    /// Waits (up to 10 s) until nothing has arrived for <paramref name="quiet"/>: the stream stopped. Packets already
    /// in flight when it stopped are allowed for; a stream that keeps going fails.
    /// </summary>
    public async Task WaitForQuietAsync(TimeSpan quiet)
    {
        var deadline = _clock.Elapsed + s_timeout;
        while (true)
        {
            var last = LastArrival();
            if (_clock.Elapsed - last >= quiet) return;
            if (_clock.Elapsed > deadline) Assert.Fail($"RTP kept arriving: {Count} packets, the last {(_clock.Elapsed - last).TotalMilliseconds:0} ms ago");
            await Task.Delay(quiet - (_clock.Elapsed - last) + TimeSpan.FromMilliseconds(5));
        }
    }

    private TimeSpan LastArrival()
    {
        lock (_received) return _received.Count == 0 ? TimeSpan.Zero : _received[^1].At;
    }

    private (ReceivedRtp? Found, int Seen) Find(Func<ReceivedRtp, bool> match, int skip)
    {
        lock (_received)
        {
            for (var i = skip; i < _received.Count; i++)
            {
                if (match(_received[i])) return (_received[i], i + 1);
            }

            return (null, _received.Count);
        }
    }

    private void Send(byte payloadType, uint timestamp, ReadOnlySpan<byte> payload, bool marker)
    {
        var packet = new byte[RtpHeader.FixedLength + payload.Length];
        new RtpHeader(payloadType, _sequence++, timestamp, Ssrc, marker).Write(packet);
        payload.CopyTo(packet.AsSpan(RtpHeader.FixedLength));
        _rtp.SendTo(packet, Remote ?? throw new InvalidOperationException("the phone does not know the switch's media address yet"));
    }

    private static byte[] Event(byte eventCode, bool end, ushort duration) =>
        [eventCode, (byte)((end ? 0x80 : 0) | 10), (byte)(duration >> 8), (byte)duration];

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[2048];
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult result;
            try
            {
                result = await _rtp.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException)
            {
                // ICMP port unreachable from an earlier send surfaces here on some systems; keep listening.
                continue;
            }

            var datagram = buffer.AsSpan(0, result.ReceivedBytes);
            if (RtpHeader.TryParse(datagram, out var header, out var offset) != RtpParseStatus.Success) continue;
            var packet = new ReceivedRtp(header.PayloadType, header.SequenceNumber, header.Timestamp, header.Ssrc, header.Marker,
                datagram.Slice(offset, header.PayloadLength).ToArray(), _clock.Elapsed);
            lock (_received) _received.Add(packet);
            _arrived.Release();
        }
    }

    private static Socket Bind()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _receiving;
        _rtp.Dispose();
        _rtcp.Dispose();
        _stop.Dispose();
    }
}
