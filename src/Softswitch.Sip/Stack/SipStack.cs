using System.Net;
using Microsoft.Extensions.Logging;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Security;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Stack;

/// <summary>
/// The SIP stack put together: transports deliver bytes, the parser makes messages (or a 4xx for broken
/// requests), the transaction layer matches them and tells the TU. Parsing and matching run on the
/// receive loop (they are short and allocation-light); the TU is expected to queue its work.
/// </summary>
public sealed partial class SipStack : ISipMessageSink, ITransactionTransport, IAsyncDisposable
{
    private readonly SipStackOptions _options;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger<SipStack> _logger;
    private readonly TimeProvider _time;
    private readonly List<ISipTransport> _transports = [];
    private UdpSipTransport? _udp;
    private TcpSipTransport? _tcp;

    public SipStack(SipStackOptions options, ITransactionUser user, TimeProvider time, ILoggerFactory loggers)
    {
        _options = options;
        _time = time;
        _loggers = loggers;
        _logger = loggers.CreateLogger<SipStack>();
        Transactions = new TransactionLayer(time, options.Timers, this, user, new TransactionMessageFactory());
    }

    public TransactionLayer Transactions { get; }

    /// <summary>Consulted for every received message before parsing: banned or over-rate sources are dropped unanswered.</summary>
    public SourceGuard? Guard { get; init; }

    /// <summary>When set, new INVITEs and REGISTERs without credentials are challenged by it statelessly (no transaction).</summary>
    public RequestAuthenticator? StatelessChallenges { get; init; }

    /// <summary>
    /// When set and true for a new INVITE's source and request, the INVITE is not challenged here: a carrier's trunk
    /// sends no credentials and is identified by its address (or by the Contact we registered with) further up.
    /// </summary>
    public Func<IPAddress, SipRequest, bool>? IsTrustedSource { get; init; }

    public IReadOnlyList<ISipTransport> Transports => _transports;

    private volatile bool _challengeNewInvites = true;

    /// <summary>
    /// From now on new INVITEs reach the transaction user unchallenged (a shutdown drain): it refuses them with 503 at
    /// once, rather than asking for credentials only to refuse the retry.
    /// </summary>
    public void StopChallengingNewInvites() => _challengeNewInvites = false;

    /// <summary>Binds every configured transport; throws if an address or port cannot be bound.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var kind in _options.Transports.Distinct())
        {
            ISipTransport transport = kind switch
            {
                SipTransportKind.Udp => _udp = new UdpSipTransport(_options.Transport, this, _loggers.CreateLogger<UdpSipTransport>()),
                SipTransportKind.Tcp => _tcp = new TcpSipTransport(_options.Transport, this, _time, _loggers.CreateLogger<TcpSipTransport>())
                {
                    RefuseConnectionsFrom = Guard is { } guard ? guard.IsBanned : null,
                },
                _ => throw new NotSupportedException($"transport {kind}"),
            };
            await transport.StartAsync(cancellationToken);
            _transports.Add(transport);
            LogListening(kind, transport.LocalEndPoint.ToString());
        }
    }

    public void OnMessageReceived(ReadOnlySpan<byte> message, SipEndPoint source, ISipTransport transport)
    {
        if (Guard is { } guard && !guard.Admit(source.Address.Address)) return;
        if (SipMessageParser.TryParse(message, out var parsed, out var error) != SipParseStatus.Ok)
        {
            RejectBroken(error, source);
            return;
        }

        switch (parsed)
        {
            case SipRequest request when StatelessChallenges is { } authenticator
                                         && (_challengeNewInvites || request.Method != SipMethod.Invite)
                                         && !IsTrustedInvite(request, source)
                                         && authenticator.TryChallengeStatelessly(request, source, out var challenge):
                Send(challenge, ResponseDestination.For(request, source));
                break;
            case SipRequest request:
                Transactions.OnRequest(request, source);
                break;
            case SipResponse response:
                Transactions.OnResponse(response, source);
                break;
        }
    }

    private bool IsTrustedInvite(SipRequest request, SipEndPoint source) =>
        request.Method == SipMethod.Invite && IsTrustedSource is { } trusted && trusted(source.Address.Address, request);

    public void OnFramingError(SipFramingError error, SipEndPoint source, ISipTransport transport) =>
        LogFramingError(error, source.ToString());

    /// <summary>§16.3/§8.2: a request we cannot parse still gets an answer when it says where to send it; a broken response is dropped.</summary>
    private void RejectBroken(SipParseError error, SipEndPoint source)
    {
        LogBroken(error.CallId ?? "-", source.ToString(), error.StatusCode, error.Reason);
        if (!error.IsRequest || error.Vias.Count == 0) return;
        var response = BrokenRequestResponse.Create(error, source);
        if (response is { } bytes) Send(bytes, BrokenRequestResponse.Destination(error, source));
    }

    /// <summary>Fire and forget: a transport never throws for network failures, it logs and reports false.</summary>
    public void Send(ReadOnlyMemory<byte> message, SipEndPoint destination)
    {
        var sending = StartSend(message, destination, mayConnect: true);
        if (!sending.IsCompletedSuccessfully) _ = ObserveAsync(sending);
    }

    /// <summary>
    /// Sends for a transaction; a failure goes back to it through <see cref="TransactionLayer.OnTransportError"/>,
    /// always from the thread pool, since the caller (a timer, or the TU under its own lock) must not be re-entered.
    /// A send that completes at once and succeeds costs nothing more than the plain one.
    /// </summary>
    public void Send(ReadOnlyMemory<byte> message, SipEndPoint destination, Transaction owner)
    {
        var sending = StartSend(message, destination, owner.MayOpenConnection);
        if (!sending.IsCompletedSuccessfully) _ = ReportFailureAsync(sending, owner, destination);
        else if (!sending.Result) QueueFailure(owner, destination); // completed: reading the result does not block
        if (destination.Transport == SipTransportKind.Tcp) MarkRegistrationFlow(owner, destination);
    }

    /// <summary>
    /// A 2xx to a REGISTER over TCP means the phone proved its password on that connection and now needs it kept
    /// up: from then on its RFC 5626 keep-alive pings hold the connection open. Pings from anyone else do not.
    /// </summary>
    private void MarkRegistrationFlow(Transaction owner, SipEndPoint destination)
    {
        if (owner is ServerTransaction { Request.Method: SipMethod.Register, LastStatusCode: >= 200 and < 300 } && _tcp is { } tcp)
        {
            tcp.MarkRegistrationFlow(destination.Address);
        }
    }

    private ValueTask<bool> StartSend(ReadOnlyMemory<byte> message, SipEndPoint destination, bool mayConnect)
    {
        if (destination.Transport == SipTransportKind.Tcp && _tcp is { } tcp)
        {
            return mayConnect ? tcp.SendAsync(message, destination.Address) : tcp.SendOnOpenConnectionAsync(message, destination.Address);
        }

        if (destination.Transport == SipTransportKind.Udp && _udp is { } udp) return udp.SendAsync(message, destination.Address);
        LogNoTransport(destination.ToString());
        return ValueTask.FromResult(false);
    }

    private static async Task ObserveAsync(ValueTask<bool> sending) => await sending.ConfigureAwait(false);

    private async Task ReportFailureAsync(ValueTask<bool> sending, Transaction owner, SipEndPoint destination)
    {
        bool delivered;
        try
        {
            delivered = await sending.ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is ObjectDisposedException or InvalidOperationException)
        {
            // The transport was stopped under the send (shutdown): nothing went out.
            LogSendAborted(destination.ToString(), exception.Message);
            delivered = false;
        }

        if (!delivered) QueueFailure(owner, destination);
    }

    private static void QueueFailure(Transaction owner, SipEndPoint destination) =>
        ThreadPool.UnsafeQueueUserWorkItem(
            static failed => TransactionLayer.OnTransportError(failed.Owner, failed.Destination), (Owner: owner, Destination: destination),
            preferLocal: false);

    public async ValueTask DisposeAsync()
    {
        foreach (var transport in _transports) await transport.DisposeAsync();
        _transports.Clear();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SIP listening on {Transport} {EndPoint}")]
    private partial void LogListening(SipTransportKind transport, string endPoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: malformed message from {Source} ({StatusCode} {Reason})")]
    private partial void LogBroken(string callId, string source, int statusCode, string reason);

    // The transport logs it with the peer's address at Information already.
    [LoggerMessage(Level = LogLevel.Debug, Message = "framing error {Error} from {Source}; message dropped")]
    private partial void LogFramingError(SipFramingError error, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "no transport to send to {Destination}")]
    private partial void LogNoTransport(string destination);

    [LoggerMessage(Level = LogLevel.Debug, Message = "send to {Destination} aborted: {Reason}")]
    private partial void LogSendAborted(string destination, string reason);
}
