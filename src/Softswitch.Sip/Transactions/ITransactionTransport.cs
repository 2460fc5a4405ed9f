using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Transactions;

/// <summary>
/// The one effect transactions have on the network: hand bytes to a transport. Sending must not block.
/// A test implements this to record exactly what was sent, and when.
/// </summary>
/// <remarks>
/// Transactions send through the overload that names them as the owner, so a failed delivery can come back
/// to them (§17.1.4, §17.2.4) without a callback object or a task per send: the owner reference is all the
/// send carries, and only a failure costs anything. Sends that belong to no transaction (stateless answers,
/// the dialog's ACK for a 2xx) use the plain overload and stay fire and forget.
/// </remarks>
public interface ITransactionTransport
{
    /// <summary>Fire and forget: a failure is logged by the transport and goes no further.</summary>
    void Send(ReadOnlyMemory<byte> message, SipEndPoint destination);

    /// <summary>
    /// Sends on behalf of <paramref name="owner"/>. When the transport reports that the message could not be
    /// delivered, the implementation calls <see cref="TransactionLayer.OnTransportError"/> later, from another
    /// thread than the caller's (the caller may hold locks). The default forgets failures, as the plain overload does.
    /// </summary>
    void Send(ReadOnlyMemory<byte> message, SipEndPoint destination, Transaction owner) => Send(message, destination);
}
