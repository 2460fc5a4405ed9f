using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Transactions;

/// <summary>Writes the transaction layer's own messages with the message builders.</summary>
public sealed class TransactionMessageFactory : ITransactionMessageFactory
{
    public ReadOnlyMemory<byte> CreateResponse(SipRequest request, SipEndPoint source, int statusCode) =>
        SipResponseBuilder.For(request, statusCode).WithReceivedFrom(source.Address).ToBytes();

    public ReadOnlyMemory<byte> CreateAck(SipRequest invite, SipResponse response)
    {
        // §17.1.1.3: the ACK shares the INVITE's branch, so the UAS's transaction absorbs it.
        var ack = new SipRequestBuilder(SipMethod.Ack, invite.RequestUri)
            .WithVia(invite.TopVia)
            .WithFrom(invite.From)
            .WithTo(response.To)
            .WithCallId(invite.CallId)
            .WithCSeq(invite.CSeq.Number);
        foreach (var route in invite.Routes) ack.AddRoute(route);
        return ack.ToBytes();
    }
}
