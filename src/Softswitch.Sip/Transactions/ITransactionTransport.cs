using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Transactions;

/// <summary>
/// The one effect transactions have on the network: hand bytes to a transport. Sending must not block;
/// failures are reported back through <see cref="TransactionLayer.OnTransportError"/> by the owner.
/// A test implements this to record exactly what was sent, and when.
/// </summary>
public interface ITransactionTransport
{
    void Send(ReadOnlyMemory<byte> message, SipEndPoint destination);
}
