using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Transactions;

/// <summary>The few messages the transaction layer writes itself (§17.1.1.3 ACK, §17.2.1 100 Trying, §8.2.2.2 482).</summary>
public interface ITransactionMessageFactory
{
    /// <summary>A response to <paramref name="request"/> from <paramref name="source"/>, with no To tag added (100 Trying keeps the To as it came).</summary>
    ReadOnlyMemory<byte> CreateResponse(SipRequest request, SipEndPoint source, int statusCode);

    /// <summary>The ACK for a non-2xx final response: same Request-URI, Call-ID, From, CSeq number, top Via and Route; To from the response.</summary>
    ReadOnlyMemory<byte> CreateAck(SipRequest invite, SipResponse response);
}
