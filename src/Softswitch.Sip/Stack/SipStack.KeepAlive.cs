using Softswitch.Sip.Registrar;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Stack;

public sealed partial class SipStack
{
    /// <summary>
    /// Sends a NAT keep-alive (<see cref="NatKeepAlive.Ping"/>) to a registered phone: a datagram over UDP, over TCP only
    /// on the connection the phone keeps open (never a new connection to its ephemeral port). Fire and forget.
    /// </summary>
    public void SendKeepAlive(SipEndPoint destination)
    {
        var sending = StartSend(NatKeepAlive.Ping, destination, mayConnect: false);
        if (!sending.IsCompletedSuccessfully) _ = ObserveAsync(sending);
    }
}
