using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Softswitch.Benchmarks;

/// <summary>
/// Process CPU per RTP packet sent as the media clock sends: one thread, a burst from every socket each 20 ms, to a
/// loopback sink nobody reads. With <c>pending</c> each socket also has a receive waiting, as every call leg has: the
/// runtime then has the socket in its epoll set (in, out, edge-triggered), and each send's write-space callback wakes
/// the runtime's epoll thread. Usage: <c>rtpsend none|pending [SOCKETS] [SECONDS]</c>.
/// </summary>
internal static class RtpSendCost
{
    public static async Task RunAsync(bool pending, int sockets, int seconds)
    {
        using var sink = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        sink.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var destination = ((IPEndPoint)sink.LocalEndPoint!).Serialize();
        var senders = new Socket[sockets];
        for (var i = 0; i < sockets; i++)
        {
            senders[i] = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            senders[i].Bind(new IPEndPoint(IPAddress.Loopback, 0));
            if (pending) _ = senders[i].ReceiveFromAsync(new byte[2048], SocketFlags.None, new IPEndPoint(IPAddress.Any, 0));
        }

        var packet = new byte[172];
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var elapsed = Stopwatch.StartNew();
        long sent = 0;
        for (long tick = 0; elapsed.Elapsed.TotalSeconds < seconds; tick++)
        {
            var wait = TimeSpan.FromMilliseconds(20 * tick) - elapsed.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            foreach (var socket in senders)
            {
                socket.SendTo(packet, SocketFlags.None, destination);
                sent++;
            }
        }

        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        Console.WriteLine($"{(pending ? "receive pending" : "no receive")}: sockets={sockets} packets={sent} cpu_ms={cpu.TotalMilliseconds:0} " +
            $"cpu_us_per_packet={cpu.TotalMicroseconds / Math.Max(1, sent):0.00}");
        foreach (var socket in senders) socket.Dispose();
    }
}
