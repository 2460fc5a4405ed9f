using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Transactions;

/// <summary>
/// The transaction user (TU, RFC 3261 §17): what the transaction layer tells its owner.
/// Calls come from socket and timer threads but never under a transaction's lock; an implementation
/// posts them to its own mailbox and returns quickly.
/// </summary>
public interface ITransactionUser
{
    /// <summary>A new request (not a retransmission, not an ACK) created this server transaction; the TU must answer it.</summary>
    void OnRequest(ServerTransaction transaction);

    /// <summary>An ACK that matched no transaction: the ACK for a 2xx (§13.3.1.4 / §17.2.3), for the dialog layer.</summary>
    void OnAck(SipRequest ack, SipEndPoint source);

    /// <summary>A response for a client transaction (provisional ones too; retransmissions are absorbed).</summary>
    void OnResponse(ClientTransaction transaction, SipResponse response);

    /// <summary>A client transaction timed out (Timer B or F) or its transport failed: the TU acts as on a 408 (§8.1.3.1).</summary>
    void OnTimeout(ClientTransaction transaction);

    /// <summary>
    /// A server INVITE transaction's final response was never acknowledged (Timer H), or a response of any server
    /// transaction could not be delivered (§17.2.4; over TCP after one new connection to the Via address, §18.2.2).
    /// </summary>
    void OnServerFailure(ServerTransaction transaction);

    /// <summary>A response matching no client transaction, e.g. a retransmitted 2xx after the INVITE transaction ended (§17.1.1.2).</summary>
    void OnStrayResponse(SipResponse response, SipEndPoint source);
}
