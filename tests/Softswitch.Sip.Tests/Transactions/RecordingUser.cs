using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Tests.Transactions;

/// <summary>A transaction user that writes down what it was told.</summary>
internal sealed class RecordingUser : ITransactionUser
{
    public List<ServerTransaction> Requests { get; } = [];
    public List<SipRequest> Acks { get; } = [];
    public List<(ClientTransaction Transaction, int Status)> Responses { get; } = [];
    public List<ClientTransaction> Timeouts { get; } = [];
    public List<ServerTransaction> ServerFailures { get; } = [];
    public List<SipResponse> Strays { get; } = [];

    public void OnRequest(ServerTransaction transaction) => Requests.Add(transaction);
    public void OnAck(SipRequest ack, SipEndPoint source) => Acks.Add(ack);
    public void OnResponse(ClientTransaction transaction, SipResponse response) => Responses.Add((transaction, response.StatusCode));
    public void OnTimeout(ClientTransaction transaction) => Timeouts.Add(transaction);
    public void OnServerFailure(ServerTransaction transaction) => ServerFailures.Add(transaction);
    public void OnStrayResponse(SipResponse response, SipEndPoint source) => Strays.Add(response);
}
