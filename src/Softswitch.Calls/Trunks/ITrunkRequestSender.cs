using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;

namespace Softswitch.Calls.Trunks;

/// <summary>Sends one out-of-dialog request to a carrier and waits for its final response.</summary>
public interface ITrunkRequestSender
{
    /// <summary>The final response, or null when none came (Timer F, transport failure) or the request could not be sent.</summary>
    Task<SipResponse?> SendAsync(SipRequestBuilder request, SipEndPoint destination, CancellationToken cancellationToken);
}
