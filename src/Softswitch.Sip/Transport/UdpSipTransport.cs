using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Softswitch.Sip.Transport;

/// <summary>
/// SIP over UDP (RFC 3261 §18): one socket, one receive thread, one reused 64 KiB buffer; each datagram
/// is one message handed to the sink. CRLF-only datagrams are keep-alives and are dropped.
/// </summary>
/// <remarks>
/// Per datagram nothing is allocated in steady state: the receive uses the <see cref="SocketAddress"/>
/// overload (no EndPoint object is created by the socket), and the source <see cref="IPEndPoint"/>
/// is rebuilt only when the sender differs from the previous datagram's. Sinks must not mutate it.
/// The socket is used only synchronously: a blocking receive on a thread of its own, and sends straight from the
/// sender's thread. An asynchronous receive would register the socket with the runtime's epoll loop, and then every
/// send woke that loop's thread for the writable edge it raises: a wake-up and a context switch per SIP message sent.
/// </remarks>
public sealed class UdpSipTransport : ISipTransport
{
    /// <summary>Largest UDP payload there is, so no datagram is ever truncated by the buffer.</summary>
    private const int DatagramBufferSize = 65_536;

    /// <summary>How long a receive blocks before it looks whether the transport is stopping.</summary>
    private static readonly TimeSpan ShutdownPoll = TimeSpan.FromMilliseconds(250);

    /// <summary>Windows' SIO_UDP_CONNRESET: stop reporting ICMP port unreachable as receive errors.</summary>
    private const int WindowsUdpConnectionReset = -1744830452;

    private readonly SipTransportOptions _options;
    private readonly ISipMessageSink _sink;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly byte[] _buffer = new byte[DatagramBufferSize];
    private Socket? _socket;
    private Thread? _receiveThread;
    private IPEndPoint? _localEndPoint;
    private SocketAddress? _receivedAddress;
    private SocketAddress? _lastSourceAddress;
    private IPEndPoint? _lastSource;
    private IPEndPoint? _addressTemplate;
    private int _disposed;

    /// <summary>Creates the transport; nothing is bound until <see cref="StartAsync"/>.</summary>
    public UdpSipTransport(SipTransportOptions options, ISipMessageSink sink, ILogger<UdpSipTransport> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        _options = options;
        _sink = sink;
        _logger = logger;
    }

    /// <inheritdoc />
    public SipTransportKind Kind => SipTransportKind.Udp;

    /// <inheritdoc />
    public IPEndPoint LocalEndPoint =>
        _localEndPoint ?? throw new InvalidOperationException("The UDP transport is not started.");

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (_socket is not null)
        {
            throw new InvalidOperationException("The UDP transport is already started.");
        }

        var socket = SipListenSockets.BindUdp(_options.EndPoint);
        if (OperatingSystem.IsWindows())
        {
            socket.IOControl(WindowsUdpConnectionReset, [0, 0, 0, 0], null);
        }

        _socket = socket;
        _localEndPoint = ((IPEndPoint)socket.LocalEndPoint!).Normalize();
        var family = socket.AddressFamily;
        _receivedAddress = new SocketAddress(family, SocketAddress.GetMaximumAddressSize(family));
        _addressTemplate = new IPEndPoint(family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        _logger.Listening(Kind, _localEndPoint);
        // Woken at least this often to see a shutdown, however quiet the line (closing a socket does not always
        // interrupt a blocking receive on Linux).
        socket.ReceiveTimeout = (int)ShutdownPoll.TotalMilliseconds;
        _receiveThread = new Thread(() => ReceiveLoop(socket)) { IsBackground = true, Name = "SIP UDP receive" };
        _receiveThread.Start();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    /// <remarks>Completes synchronously: a UDP send only waits when the socket's buffer is full.</remarks>
    public ValueTask<bool> SendAsync(ReadOnlyMemory<byte> message, IPEndPoint destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var socket = _socket ?? throw new InvalidOperationException("The UDP transport is not started.");
        return ValueTask.FromResult(Send(socket, message.Span, destination));
    }

    private bool Send(Socket socket, ReadOnlySpan<byte> message, IPEndPoint destination)
    {
        try
        {
            socket.SendTo(message, SocketFlags.None, destination);
            return true;
        }
        catch (SocketException exception) when (exception.SocketErrorCode is SocketError.NoBufferSpaceAvailable or SocketError.WouldBlock)
        {
            // A full local queue, not an unreachable peer: over UDP the transaction's retransmissions try again, so
            // the send is not reported as failed (that would end the transaction, and with a 2xx the call).
            _logger.SendFailed(new SipEndPoint(Kind, destination), exception);
            return true;
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            _logger.SendFailed(new SipEndPoint(Kind, destination), exception);
            return false;
        }
    }

    /// <summary>Closes the socket and waits for the receive loop to end.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _shutdown.CancelAsync().ConfigureAwait(false);
        _socket?.Dispose();
        if (_receiveThread is { } thread)
        {
            // The receive returns at the latest after ShutdownPoll; joined off the caller's thread.
            await Task.Run(() => thread.Join(ShutdownPoll * 4)).ConfigureAwait(false);
        }

        _shutdown.Dispose();
        if (_localEndPoint is not null)
        {
            _logger.Stopped(Kind, _localEndPoint);
        }
    }

    private void ReceiveLoop(Socket socket)
    {
        var token = _shutdown.Token;
        while (!token.IsCancellationRequested)
        {
            int received;
            try
            {
                received = socket.ReceiveFrom(_buffer, SocketFlags.None, _receivedAddress!);
            }
            catch (ObjectDisposedException)
            {
                break;
            }
            catch (SocketException) when (token.IsCancellationRequested)
            {
                break;
            }
            catch (SocketException exception) when (exception.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock)
            {
                continue; // a quiet line: look at the shutdown token again
            }
            catch (SocketException exception)
            {
                // ICMP errors (ConnectionReset/Refused) and the like concern one earlier send, not this socket.
                _logger.UdpReceiveFailed(exception.SocketErrorCode);
                continue;
            }

            OnDatagram(_buffer.AsSpan(0, received));
        }
    }

    private void OnDatagram(ReadOnlySpan<byte> datagram)
    {
        // RFC 5626 §4.4.1 CRLFCRLF keep-alive (and any stray line breaks): nothing to deliver.
        if (datagram.IndexOfAnyExcept((byte)'\r', (byte)'\n') < 0)
        {
            return;
        }

        var source = new SipEndPoint(Kind, CurrentSource());
        if (datagram.Length > _options.MaxMessageSize)
        {
            _logger.FramingError(SipFramingError.MessageTooLarge, source);
            Deliver(source, datagram, SipFramingError.MessageTooLarge);
            return;
        }

        Deliver(source, datagram, error: null);
    }

    private void Deliver(SipEndPoint source, ReadOnlySpan<byte> datagram, SipFramingError? error)
    {
        try
        {
            if (error is { } framingError)
            {
                _sink.OnFramingError(framingError, source, this);
            }
            else
            {
                _sink.OnMessageReceived(datagram, source, this);
            }
        }
        catch (Exception exception)
        {
            // A faulty sink must not stop the switch from hearing anyone else.
            _logger.SinkFailed(source, exception);
        }
    }

    /// <summary>The datagram's sender, reusing the last <see cref="IPEndPoint"/> when the sender repeats.</summary>
    private IPEndPoint CurrentSource()
    {
        var received = _receivedAddress!;
        if (_lastSource is not null && received.Equals(_lastSourceAddress))
        {
            return _lastSource;
        }

        _lastSource = ((IPEndPoint)_addressTemplate!.Create(received)).Normalize();
        _lastSourceAddress ??= new SocketAddress(received.Family, received.Buffer.Length);
        received.Buffer.CopyTo(_lastSourceAddress.Buffer);
        _lastSourceAddress.Size = received.Size;
        return _lastSource;
    }
}
