using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Softswitch.Sip.Transport;

/// <summary>
/// SIP over TCP (RFC 3261 §18): a listener plus the open connections, keyed by remote endpoint so a
/// response goes back on the connection its request came on (§18.2.2) and a request reuses an open
/// connection to its destination. Streams are framed by <see cref="SipStreamFramer"/>; CRLFCRLF pings
/// are answered with CRLF (RFC 5626 §4.4.1). A connection with no complete message for
/// <see cref="SipTransportOptions.TcpIdleTimeout"/> closes (pings count only once it carries a registration,
/// see <see cref="MarkRegistrationFlow"/>), as does one whose started message is not complete within
/// <see cref="SipTransportOptions.TcpMessageTimeout"/>. At most <see cref="SipTransportOptions.MaxTcpConnections"/>
/// stay open, at most <see cref="SipTransportOptions.MaxTcpConnectionsPerAddress"/> of them accepted from one address.
/// </summary>
/// <remarks>Each connection has its own receive loop, so the sink may be called concurrently for different connections.</remarks>
public sealed class TcpSipTransport : ISipTransport
{
    private readonly ISipMessageSink _sink;
    private readonly ConcurrentDictionary<IPEndPoint, TcpSipConnection> _connections = new();
    private readonly ConcurrentDictionary<IPEndPoint, Lazy<Task<TcpSipConnection?>>> _connecting = new();
    // Every open connection, including one displaced from _connections by a newer one with the same remote endpoint.
    private readonly ConcurrentDictionary<TcpSipConnection, bool> _open = new();
    private readonly CancellationTokenSource _shutdown = new();
    private readonly TcpConnectionsPerAddress _perAddress;
    private readonly Lock _globalRefusalsGate = new();
    private RefusalCounter _globalRefusals;
    private Socket? _listener;
    private Task _acceptLoop = Task.CompletedTask;
    private IPEndPoint? _localEndPoint;
    private int _connectionCount;
    private int _disposed;

    /// <summary>Creates the transport; nothing is bound until <see cref="StartAsync"/>.</summary>
    public TcpSipTransport(SipTransportOptions options, ISipMessageSink sink, TimeProvider timeProvider, ILogger<TcpSipTransport> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        Options = options;
        _sink = sink;
        TimeProvider = timeProvider;
        Logger = logger;
        Framer = new SipStreamFramer(options.MaxMessageSize);
        _perAddress = new TcpConnectionsPerAddress(options.MaxTcpConnectionsPerAddress, timeProvider);
    }

    /// <summary>
    /// Asked for each accepted connection before anything is read from it: true closes it at once (a banned address,
    /// <see cref="Security.SourceGuard.IsBanned"/>), so a banned host cannot hold connections open either.
    /// </summary>
    public Func<IPAddress, bool>? RefuseConnectionsFrom { get; init; }

    /// <inheritdoc />
    public SipTransportKind Kind => SipTransportKind.Tcp;

    /// <inheritdoc />
    public IPEndPoint LocalEndPoint =>
        _localEndPoint ?? throw new InvalidOperationException("The TCP transport is not started.");

    /// <summary>Connections open right now, accepted and outgoing.</summary>
    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    internal SipTransportOptions Options { get; }

    internal TimeProvider TimeProvider { get; }

    internal ILogger Logger { get; }

    internal SipStreamFramer Framer { get; }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (_listener is not null)
        {
            throw new InvalidOperationException("The TCP transport is already started.");
        }

        var listener = SipListenSockets.ListenTcp(Options.EndPoint, backlog: 512);
        _listener = listener;
        _localEndPoint = ((IPEndPoint)listener.LocalEndPoint!).Normalize();
        Logger.Listening(Kind, _localEndPoint);
        _acceptLoop = AcceptLoopAsync(listener);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask<bool> SendAsync(ReadOnlyMemory<byte> message, IPEndPoint destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (_listener is null)
        {
            throw new InvalidOperationException("The TCP transport is not started.");
        }

        var remote = destination.Normalize();
        if (!_connections.TryGetValue(remote, out var connection))
        {
            // Concurrent sends to one new destination share a single connect attempt.
            var pending = _connecting.GetOrAdd(
                remote,
                static (key, self) => new Lazy<Task<TcpSipConnection?>>(() => self.ConnectAsync(key)),
                this);
            connection = await pending.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (connection is null)
            {
                return false;
            }
        }

        return await connection.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends only over a connection already open to <paramref name="destination"/>; false at once when there is
    /// none. RFC 3261 §18.2.2: a response goes back on the connection its request came on; connecting to that
    /// peer's ephemeral port would only wait for a refusal or a timeout.
    /// </summary>
    public ValueTask<bool> SendOnOpenConnectionAsync(ReadOnlyMemory<byte> message, IPEndPoint destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var remote = destination.Normalize();
        if (_connections.TryGetValue(remote, out var connection))
        {
            return connection.SendAsync(message, cancellationToken);
        }

        Logger.NoOpenConnection(remote);
        return ValueTask.FromResult(false);
    }

    /// <summary>
    /// Tells the transport that a REGISTER over the connection from <paramref name="remote"/> succeeded: from now on
    /// RFC 5626 §4.4.1 keep-alive pings keep that connection open (a phone needs its flow up to receive calls).
    /// False when no such connection is open.
    /// </summary>
    public bool MarkRegistrationFlow(IPEndPoint remote)
    {
        ArgumentNullException.ThrowIfNull(remote);
        if (!_connections.TryGetValue(remote.Normalize(), out var connection))
        {
            return false;
        }

        connection.CarriesRegistration = true;
        return true;
    }

    /// <summary>Stops accepting, closes every connection and waits until all receive loops have ended.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _shutdown.CancelAsync().ConfigureAwait(false);
        _listener?.Dispose();
        await _acceptLoop.ConfigureAwait(false);
        foreach (var pending in _connecting.Values)
        {
            await pending.Value.ConfigureAwait(false);
        }

        var closing = new List<Task>();
        foreach (var connection in _open.Keys)
        {
            connection.Close("transport stopped");
            closing.Add(connection.Completion);
        }

        await Task.WhenAll(closing).ConfigureAwait(false);
        if (_localEndPoint is not null)
        {
            Logger.Stopped(Kind, _localEndPoint);
        }
    }

    internal void Deliver(ReadOnlySpan<byte> message, SipEndPoint source)
    {
        try
        {
            _sink.OnMessageReceived(message, source, this);
        }
        catch (Exception exception)
        {
            Logger.SinkFailed(source, exception);
        }
    }

    internal void ReportFramingError(SipFramingError error, SipEndPoint source)
    {
        Logger.FramingError(error, source);
        try
        {
            _sink.OnFramingError(error, source, this);
        }
        catch (Exception exception)
        {
            Logger.SinkFailed(source, exception);
        }
    }

    internal void OnConnectionClosed(TcpSipConnection connection)
    {
        _connections.TryRemove(new KeyValuePair<IPEndPoint, TcpSipConnection>(connection.RemoteEndPoint, connection));
        _open.TryRemove(connection, out _);
        if (connection.IsAccepted)
        {
            _perAddress.Remove(connection.RemoteEndPoint.Address);
        }

        Interlocked.Decrement(ref _connectionCount);
    }

    private async Task AcceptLoopAsync(Socket listener)
    {
        await Task.Yield();
        var token = _shutdown.Token;
        while (!token.IsCancellationRequested)
        {
            Socket accepted;
            try
            {
                accepted = await listener.AcceptAsync(token).ConfigureAwait(false);
            }
            catch (Exception) when (token.IsCancellationRequested)
            {
                break;
            }
            catch (ObjectDisposedException)
            {
                break;
            }
            catch (SocketException exception)
            {
                // Usually one aborted handshake; if the process is out of descriptors, back off briefly.
                Logger.AcceptFailed(exception.SocketErrorCode);
                await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider, token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }

            var remote = ((IPEndPoint)accepted.RemoteEndPoint!).Normalize();
            if (RefuseConnectionsFrom?.Invoke(remote.Address) == true)
            {
                accepted.Dispose();
                continue;
            }

            if (!_perAddress.TryAdd(remote.Address, out int refusedFromAddress))
            {
                if (refusedFromAddress > 0)
                {
                    Logger.AddressConnectionLimitReached(_perAddress.Limit, remote.Address, refusedFromAddress);
                }

                accepted.Dispose();
                continue;
            }

            if (!TryReserveConnection(remote))
            {
                _perAddress.Remove(remote.Address);
                accepted.Dispose();
                continue;
            }

            accepted.NoDelay = true;
            AddConnection(accepted, remote, accepted: true);
        }
    }

    private async Task<TcpSipConnection?> ConnectAsync(IPEndPoint remote)
    {
        try
        {
            if (Volatile.Read(ref _disposed) != 0 || !TryReserveConnection(remote))
            {
                return null;
            }

            Socket? socket = null;
            try
            {
                socket = new Socket(remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                BindToListeningAddress(socket);
                using var timeout = new CancellationTokenSource(Options.TcpConnectTimeout, TimeProvider);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _shutdown.Token);
                await socket.ConnectAsync(remote, linked.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is SocketException or OperationCanceledException or ObjectDisposedException)
            {
                socket?.Dispose();
                Interlocked.Decrement(ref _connectionCount);
                Logger.ConnectFailed(remote, exception);
                return null;
            }

            return AddConnection(socket, remote, accepted: false);
        }
        finally
        {
            // Added to _connections (or failed) first, so no sender can miss the connection.
            _connecting.TryRemove(remote, out _);
        }
    }

    /// <summary>Outgoing connections leave from the address we listen on, so peers see one address for us.</summary>
    private void BindToListeningAddress(Socket socket)
    {
        var address = _localEndPoint!.Address;
        if (!address.Equals(IPAddress.Any) && !address.Equals(IPAddress.IPv6Any) && address.AddressFamily == socket.AddressFamily)
        {
            socket.Bind(new IPEndPoint(address, 0));
        }
    }

    private bool TryReserveConnection(IPEndPoint remote)
    {
        if (Interlocked.Increment(ref _connectionCount) <= Options.MaxTcpConnections)
        {
            return true;
        }

        Interlocked.Decrement(ref _connectionCount);
        bool report;
        int refused;
        lock (_globalRefusalsGate)
        {
            report = _globalRefusals.Count(TimeProvider, out refused);
        }

        if (report)
        {
            Logger.ConnectionLimitReached(Options.MaxTcpConnections, refused, remote);
        }

        return false;
    }

    private TcpSipConnection AddConnection(Socket socket, IPEndPoint remote, bool accepted)
    {
        var connection = new TcpSipConnection(this, socket, remote, accepted);
        // A newer connection from the same endpoint replaces the old one as the route back.
        _connections[remote] = connection;
        _open[connection] = true;
        Logger.ConnectionOpened(remote, accepted ? "accepted" : "connected");
        connection.Start();
        if (Volatile.Read(ref _disposed) != 0)
        {
            connection.Close("transport stopped");
        }

        return connection;
    }
}
