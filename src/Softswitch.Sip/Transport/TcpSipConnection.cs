using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Softswitch.Sip.Transport;

/// <summary>
/// One TCP connection of a <see cref="TcpSipTransport"/>: a receive loop that frames the stream into
/// the sink, a write lock so two messages never interleave, and an idle timer.
/// </summary>
/// <remarks>
/// The receive buffer is rented small and grows (up to the message size limit) only when one frame
/// needs it, so thousands of quiet connections cost little memory. The idle timer is one
/// <see cref="TimeProvider"/> timer per connection that is not re-armed on every packet: traffic just
/// stamps the time, and when the timer fires it closes the connection or sleeps for the remainder.
/// </remarks>
internal sealed class TcpSipConnection
{
    private const int InitialBufferSize = 4_096;
    private static ReadOnlyMemory<byte> Pong { get; } = "\r\n"u8.ToArray();

    private readonly TcpSipTransport _transport;
    private readonly Socket _socket;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private readonly ITimer _idleTimer;
    private readonly int _bufferLimit;
    private byte[] _buffer;
    private int _buffered;
    private SipFramerState _framerState;
    private long _lastActivity;
    private int _closed;
    private string _closeReason = "peer closed";

    public TcpSipConnection(TcpSipTransport transport, Socket socket, IPEndPoint remote)
    {
        _transport = transport;
        _socket = socket;
        RemoteEndPoint = remote;
        SipEndPoint = new SipEndPoint(SipTransportKind.Tcp, remote);
        // One byte over the limit is enough to tell that a header block will not fit.
        _bufferLimit = transport.Framer.MaxMessageSize + 1;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialBufferSize, _bufferLimit));
        _lastActivity = transport.TimeProvider.GetTimestamp();
        var idleTimeout = transport.Options.TcpIdleTimeout;
        _idleTimer = transport.TimeProvider.CreateTimer(
            static state => ((TcpSipConnection)state!).OnIdleTimer(), this, idleTimeout, Timeout.InfiniteTimeSpan);
    }

    public IPEndPoint RemoteEndPoint { get; }

    public SipEndPoint SipEndPoint { get; }

    /// <summary>Completes when the connection is closed and its buffer returned.</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    private ILogger Logger => _transport.Logger;

    public void Start() => Completion = ReceiveLoopAsync();

    /// <summary>Writes one whole message; false (connection closed) if the socket fails.</summary>
    public async ValueTask<bool> SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
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

            Touch();
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
        _idleTimer.Dispose();
        _closing.Cancel();
        _socket.Dispose();
    }

    private void Touch() => Volatile.Write(ref _lastActivity, _transport.TimeProvider.GetTimestamp());

    private void OnIdleTimer()
    {
        var timeout = _transport.Options.TcpIdleTimeout;
        var idle = _transport.TimeProvider.GetElapsedTime(Volatile.Read(ref _lastActivity));
        if (idle >= timeout)
        {
            Close("idle");
            return;
        }

        try
        {
            _idleTimer.Change(timeout - idle, Timeout.InfiniteTimeSpan);
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

                Touch();
                _buffered += received;
                var outcome = FrameBuffered(out int pings);
                for (int i = 0; i < pings; i++)
                {
                    // RFC 5626 §4.4.1: answer each CRLFCRLF ping with one CRLF pong.
                    await SendAsync(Pong, _closing.Token).ConfigureAwait(false);
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
                    _transport.Deliver(buffered.Slice(offset, length), SipEndPoint);
                    break;
                case SipFrameResult.KeepAlivePing:
                    pings++;
                    break;
                case SipFrameResult.Skip:
                    break;
                case SipFrameResult.Error:
                    _transport.ReportFramingError(_framerState.Error, SipEndPoint);
                    Close($"framing error {_framerState.Error}");
                    return false;
                default:
                    // Keep the partial frame at the front; the framer's offsets are relative to it.
                    buffered[offset..].CopyTo(buffered);
                    _buffered -= offset;
                    return true;
            }

            offset += length;
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
