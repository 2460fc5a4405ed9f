using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Transactions;

/// <summary>
/// Who sent an out-of-dialog non-INVITE request (a trunk's REGISTER or OPTIONS) through <see cref="ClientRequestRouter"/>.
/// Called from socket and timer threads: an implementation completes a task or posts, and returns quickly.
/// </summary>
public interface IClientRequestOwner
{
    /// <summary>A response to <paramref name="request"/>; provisional ones too, then the final one (after which nothing more comes).</summary>
    void OnResponse(SipRequest request, SipResponse response);

    /// <summary>No final response came (Timer F, §17.1.2.2) or the transport failed: treated as 408 (§8.1.3.1).</summary>
    void OnTimeout(SipRequest request);
}
