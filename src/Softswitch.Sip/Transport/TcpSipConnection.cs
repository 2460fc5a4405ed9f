using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Softswitch.Sip.Transport;

/// <summary>
/// One TCP connection of a <see cref="TcpSipTransport"/>: a receive loop that frames the stream into
/// the sink, a write lock so two messages never interleave, and one timer for two deadlines: the idle
/// timeout (reset only by complete messages, and by keep-alive pings once the connection carries a
/// registration) and the message timeout (a message that has started must complete in time).
/// </summary>
/// <remarks>
/// The receive buffer is rented small and grows (up to the message size limit) only when one frame
/// needs it, so thousands of quiet connections cost little memory. The timer is one
/// <see cref="TimeProvider"/> timer per connection that is not re-armed on every packet: traffic just
/// stamps the time, and when the timer fires it closes the connection or sleeps until the nearer deadline.
/// It is re-armed early only when a message starts to arrive in pieces.
/// </remarks>
internal sealed class TcpSipConnection
{
    private const int InitialBufferSize = 4_096;
    private const long NoMessage = long.MinValue;
    private static ReadOnlyMemory<byte> Pong { get; } = "\r\n"u8.ToArray();

    private readonly TcpSipTransport _transport;
    private readonly Socket _socket;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    // Serialises re-arming between the timer callback and the receive loop, so an early deadline is never lost.
    private readonly Lock _timerGate = new();
    private readonly ITimer _timer;
    private readonly int _bufferLimit;
    private byte[] _buffer;
    private int _buffered;
    private SipFramerState _framerState;
    private long _lastActivity;
    private long _messageStartedAt = NoMessage;
    private long _timerDueAt;
    private volatile bool _carriesRegistration;
    private int _closed;
    private string _closeReason = "peer closed";

    public TcpSipConnection(TcpSipTransport transport, Socket socket, IPEndPoint remote, bool accepted)
    {
        _transport = transport;
        _socket = socket;
        RemoteEndPoint = remote;
        IsAccepted = accepted;
        SipEndPoint = new SipEndPoint(SipTransportKind.Tcp, remote);
        // One byte over the limit is enough to tell that a header block will not fit.
        _bufferLimit = transport.Framer.MaxMessageSize + 1;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialBufferSize, _bufferLimit));
        _lastActivity = transport.TimeProvider.GetTimestamp();
        var idleTimeout = transport.Options.TcpIdleTimeout;
        _timerDueAt = _lastActivity + ToTimestampTicks(idleTimeout);
        _timer = transport.TimeProvider.CreateTimer(
            static state => ((TcpSipConnection)state!).OnTimer(), this, idleTimeout, Timeout.InfiniteTimeSpan);
    }

    public IPEndPoint RemoteEndPoint { get; }

    public SipEndPoint SipEndPoint { get; }

    /// <summary>True when the peer connected to us (the per-address limit counts these), false when we connected out.</summary>
    public bool IsAccepted { get; }

    /// <summary>
    /// Set once a REGISTER over this connection succeeded: from then on RFC 5626 §4.4.1 keep-alive pings keep it
    /// open, as the phone needs the flow to stay up to receive calls. Before that, pings are answered but do not count.
    /// </summary>
    public bool CarriesRegistration
    {
        get => _carriesRegistration;
        set => _carriesRegistration = value;
    }

    /// <summary>Completes when the connection is closed and its buffer returned.</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    private ILogger Logger => _transport.Logger;

    public void Start() => Completion = ReceiveLoopAsync();

    /// <summary>Writes one whole message; false (connection closed) if the socket fails.</summary>
    public ValueTask<bool> SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken) =>
        WriteAsync(message, countsAsActivity: true, cancellationToken);

    private async ValueTask<bool> WriteAsync(ReadOnlyMemory<byte> message, bool countsAsActivity, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var remaining = message;
            while (!remaining.IsEmpty)
            {
                int sent = await _socket.SendAsync(remaining, SocketFlags.None, cancellationToken).ConfigureAwait(false);
                remaining = remaining[sent..];
            }

            if (countsAsActivity)
            {
                Touch();
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            // Part of a message may be on the wire: the stream can no longer be framed by the peer.
            Close("send cancelled");
            throw;
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            Logger.SendFailed(SipEndPoint, exception);
            Close("send failed");
            return false;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Closes the socket; the receive loop then ends and cleans up. Safe to call more than once.</summary>
    public void Close(string reason)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        _closeReason = reason;
        _timer.Dispose();
        _closing.Cancel();
        _socket.Dispose();
    }

    private void Touch() => Volatile.Write(ref _lastActivity, _transport.TimeProvider.GetTimestamp());

    private long ToTimestampTicks(TimeSpan span) => (long)(span.TotalSeconds * _transport.TimeProvider.TimestampFrequency);

    private void OnTimer()
    {
        var time = _transport.TimeProvider;
        var options = _transport.Options;
        string? reason = null;
        lock (_timerGate)
        {
            var next = options.TcpIdleTimeout - time.GetElapsedTime(Volatile.Read(ref _lastActivity));
            long started = Volatile.Read(ref _messageStartedAt);
            var messageLeft = started == NoMessage ? Timeout.InfiniteTimeSpan : options.TcpMessageTimeout - time.GetElapsedTime(started);
            if (started != NoMessage && messageLeft <= TimeSpan.Zero)
            {
                reason = "message timeout";
            }
            else if (next <= TimeSpan.Zero)
            {
                reason = "idle";
            }
            else
            {
                Rearm(started == NoMessage || next < messageLeft ? next : messageLeft);
            }
        }

        if (reason is not null)
        {
            Close(reason);
        }
    }

    /// <summary>A message began to arrive in pieces: make sure the timer fires by its deadline.</summary>
    private void OnMessageStarted()
    {
        var time = _transport.TimeProvider;
        var timeout = _transport.Options.TcpMessageTimeout;
        long now = time.GetTimestamp();
        Volatile.Write(ref _messageStartedAt, now);
        lock (_timerGate)
        {
            if (now + ToTimestampTicks(timeout) < _timerDueAt)
            {
                Rearm(timeout);
            }
        }
    }

    private void Rearm(TimeSpan dueIn)
    {
        _timerDueAt = _transport.TimeProvider.GetTimestamp() + ToTimestampTicks(dueIn);
        try
        {
            _timer.Change(dueIn, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Closed meanwhile; nothing to re-arm.
        }
    }

    private async Task ReceiveLoopAsync()
    {
        await Task.Yield();
        try
        {
            while (true)
            {
                if (_buffered == _buffer.Length && !GrowBuffer())
                {
                    break;
                }

                int received = await _socket.ReceiveAsync(_buffer.AsMemory(_buffered), SocketFlags.None, _closing.Token)
                    .ConfigureAwait(false);
                if (received == 0)
                {
                    Close("peer closed");
                    break;
                }

                _buffered += received;
                var outcome = FrameBuffered(out int pings);
                for (int i = 0; i < pings; i++)
                {
                    // RFC 5626 §4.4.1: answer each CRLFCRLF ping with one CRLF pong (which keeps nothing alive by itself).
                    await WriteAsync(Pong, countsAsActivity: false, _closing.Token).ConfigureAwait(false);
                }

                if (!outcome)
                {
                    break;
                }
            }
        }
        catch (Exception) when (_closing.IsCancellationRequested)
        {
            // Closed by us (idle, limit, shutdown, framing error): the pending receive was aborted.
        }
        catch (SocketException exception)
        {
            Logger.TcpReceiveFailed(RemoteEndPoint, exception.SocketErrorCode);
            _closeReason = "receive failed";
        }
        finally
        {
            Close(_closeReason);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
            Logger.ConnectionClosed(RemoteEndPoint, _closeReason);
            _transport.OnConnectionClosed(this);
        }
    }

    /// <summary>Delivers every whole frame in the buffer and keeps the partial rest; false when the stream is broken.</summary>
    private bool FrameBuffered(out int pings)
    {
        pings = 0;
        var framer = _transport.Framer;
        var buffered = _buffer.AsSpan(0, _buffered);
        int offset = 0;
        while (true)
        {
            var result = framer.TryRead(ref _framerState, buffered[offset..], out int length);
            switch (result)
            {
                case SipFrameResult.Message:
                    Touch();
                    _transport.Deliver(buffered.Slice(offset, length), SipEndPoint);
                    break;
                case SipFrameResult.KeepAlivePing:
                    if (_carriesRegistration)
                    {
                        Touch();
                    }

                    pings++;
                    break;
                case SipFrameResult.Skip:
                    break;
                case SipFrameResult.Error:
                    _transport.ReportFramingError(_framerState.Error, SipEndPoint);
                    Close($"framing error {_framerState.Error}");
                    return false;
                default:
                    TrackPartialMessage(buffered[offset..], restarted: offset > 0);
                    // Keep the partial frame at the front; the framer's offsets are relative to it.
                    buffered[offset..].CopyTo(buffered);
                    _buffered -= offset;
                    return true;
            }

            offset += length;
        }
    }

    /// <summary>
    /// Starts the message clock when a message has begun and stops it when nothing is pending. Line breaks alone
    /// (a pong, half a ping) are no message; a frame consumed in this read means the rest is a new message.
    /// </summary>
    private void TrackPartialMessage(ReadOnlySpan<byte> partial, bool restarted)
    {
        if (partial.IndexOfAnyExcept((byte)'\r', (byte)'\n') < 0)
        {
            Volatile.Write(ref _messageStartedAt, NoMessage);
        }
        else if (restarted || Volatile.Read(ref _messageStartedAt) == NoMessage)
        {
            OnMessageStarted();
        }
    }

    private bool GrowBuffer()
    {
        if (_buffer.Length >= _bufferLimit)
        {
            // Cannot happen while the framer enforces the limit; close rather than spin.
            _transport.ReportFramingError(SipFramingError.MessageTooLarge, SipEndPoint);
            Close("buffer full");
            return false;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Min(_buffer.Length * 2, _bufferLimit));
        _buffer.AsSpan(0, _buffered).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
        return true;
    }
}
