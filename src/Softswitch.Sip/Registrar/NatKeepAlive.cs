using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Registrar;

/// <summary>
/// Keeps the NAT mappings of registered phones open so calls can reach them: every interval, one keep-alive to the
/// source address of each live binding that is behind NAT (<see cref="ContactReachability.IsBehindNat"/>), each
/// address once however many bindings share it. The keep-alive is a CRLFCRLF (RFC 5626 §4.4.1's ping, here sent by
/// the server): 4 bytes, no transaction, no response to wait for, ignored by any SIP parser (RFC 3261 §7.5), and any
/// outbound packet refreshes a NAT mapping; an OPTIONS would cost a transaction per phone and every 25 s for the same
/// effect. Over TCP it goes only on the phone's open connection. One timer for all bindings.
/// </summary>
public sealed class NatKeepAlive : IDisposable
{
    /// <summary>The bytes of one keep-alive.</summary>
    public static ReadOnlyMemory<byte> Ping { get; } = "\r\n\r\n"u8.ToArray();

    private readonly BindingStore _bindings;
    private readonly Action<SipEndPoint> _send;
    private readonly ITimer _timer;
    private long _sent;

    /// <param name="bindings">The registrar's bindings.</param>
    /// <param name="send">Sends <see cref="Ping"/> to an address (over TCP only on an open connection); must not block.</param>
    /// <param name="interval">Time between two rounds (<c>registrar.nat_keepalive_seconds</c>).</param>
    /// <param name="time">The clock.</param>
    public NatKeepAlive(BindingStore bindings, Action<SipEndPoint> send, TimeSpan interval, TimeProvider time)
    {
        if (interval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(interval), interval, "a keep-alive interval is positive");
        _bindings = bindings;
        _send = send;
        _timer = time.CreateTimer(static state => ((NatKeepAlive)state!).SendRoundSafely(), this, interval, interval);
    }

    /// <summary>Keep-alives sent since start.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>One round: a keep-alive to each distinct NATed source of a live binding. Returns how many were sent.</summary>
    public int SendRound()
    {
        var now = _bindings.TimeProvider.GetUtcNow();
        HashSet<SipEndPoint>? sent = null;
        foreach (var binding in _bindings.GetAllBindings())
        {
            if (!binding.IsLiveAt(now) || !ContactReachability.IsBehindNat(binding)) continue;
            sent ??= [];
            if (!sent.Add(binding.Source)) continue;
            _send(binding.Source);
        }

        var count = sent?.Count ?? 0;
        Interlocked.Add(ref _sent, count);
        return count;
    }

    /// <summary>A round racing with shutdown meets closed sockets; it is skipped, never thrown into the timer thread.</summary>
    private void SendRoundSafely()
    {
        try
        {
            SendRound();
        }
        catch (Exception error) when (error is ObjectDisposedException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
        }
    }

    public void Dispose() => _timer.Dispose();
}
