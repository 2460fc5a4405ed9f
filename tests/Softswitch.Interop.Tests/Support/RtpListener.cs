using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Softswitch.Media.Codecs;

namespace Softswitch.Interop.Tests.Support;

/// <summary>
/// What a sipp caller hears, for a scenario whose SDP names this socket as its media (sipp itself cannot record): every
/// RTP packet the switch sends here, with when it arrived (since <see cref="Start"/>) and its PCMU audio level.
/// Binds a free port on 127.0.0.1; receives until disposed.
/// </summary>
public sealed class RtpListener : IAsyncDisposable
{
    private readonly UdpClient _udp = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<(TimeSpan At, double Rms)> _packets = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiving;

    public RtpListener() => _receiving = ReceiveAsync();

    public int Port => ((IPEndPoint)_udp.Client.LocalEndPoint!).Port;

    /// <summary>Since the listener was made.</summary>
    public TimeSpan Now => _clock.Elapsed;

    /// <summary>The packets so far: arrival time and RMS level of their PCMU samples (0-32767).</summary>
    public IReadOnlyList<(TimeSpan At, double Rms)> Packets
    {
        get
        {
            lock (_packets) return [.. _packets];
        }
    }

    private async Task ReceiveAsync()
    {
        var pcm = new short[2048];
        try
        {
            while (true)
            {
                var datagram = await _udp.ReceiveAsync(_stop.Token);
                var bytes = datagram.Buffer;
                if (bytes.Length <= 12 || (bytes[0] >> 6) != 2 || (bytes[1] & 0x7F) != 0) continue; // PCMU only (payload type 0)
                var headerLength = 12 + 4 * (bytes[0] & 0x0F);
                var payload = bytes.AsSpan(Math.Min(headerLength, bytes.Length));
                var count = MuLaw.Decode(payload[..Math.Min(payload.Length, pcm.Length)], pcm);
                double sum = 0;
                for (var i = 0; i < count; i++) sum += (double)pcm[i] * pcm[i];
                lock (_packets) _packets.Add((_clock.Elapsed, count == 0 ? 0 : Math.Sqrt(sum / count)));
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _udp.Dispose();
        await _receiving;
        _stop.Dispose();
    }
}
