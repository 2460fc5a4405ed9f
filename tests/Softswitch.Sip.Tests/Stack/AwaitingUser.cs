using System.Threading.Channels;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Tests.Transport;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Tests.Stack;

/// <summary>A transaction user for tests on real sockets: what it hears can be awaited, with a timeout.</summary>
internal sealed class AwaitingUser : ITransactionUser
{
    private readonly Channel<ServerTransaction> _requests = Channel.CreateUnbounded<ServerTransaction>();
    private readonly Channel<(ClientTransaction Transaction, int Status)> _responses = Channel.CreateUnbounded<(ClientTransaction, int)>();
    private readonly Channel<ClientTransaction> _timeouts = Channel.CreateUnbounded<ClientTransaction>();
    private readonly Channel<ServerTransaction> _serverFailures = Channel.CreateUnbounded<ServerTransaction>();

    private int _acks;

    /// <summary>ACKs that matched no transaction and reached the TU.</summary>
    public int AckCount => Volatile.Read(ref _acks);

    public bool HasRequest => _requests.Reader.TryPeek(out _);

    public bool HasTimeout => _timeouts.Reader.TryPeek(out _);

    public bool HasServerFailure => _serverFailures.Reader.TryPeek(out _);

    public void OnRequest(ServerTransaction transaction) => _requests.Writer.TryWrite(transaction);
    public void OnAck(SipRequest ack, SipEndPoint source) => Interlocked.Increment(ref _acks);
    public void OnResponse(ClientTransaction transaction, SipResponse response) => _responses.Writer.TryWrite((transaction, response.StatusCode));
    public void OnTimeout(ClientTransaction transaction) => _timeouts.Writer.TryWrite(transaction);
    public void OnServerFailure(ServerTransaction transaction) => _serverFailures.Writer.TryWrite(transaction);
    public void OnStrayResponse(SipResponse response, SipEndPoint source) { }

    public Task<ServerTransaction> NextRequestAsync() => Next(_requests);
    public Task<(ClientTransaction Transaction, int Status)> NextResponseAsync() => Next(_responses);
    public Task<ClientTransaction> NextTimeoutAsync() => Next(_timeouts);
    public Task<ServerTransaction> NextServerFailureAsync() => Next(_serverFailures);

    private static Task<T> Next<T>(Channel<T> channel) => channel.Reader.ReadAsync().AsTask().WaitAsync(RecordingSink.Patience);
}
