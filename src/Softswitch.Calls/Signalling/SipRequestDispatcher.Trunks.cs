using Microsoft.Extensions.Logging;
using Softswitch.Calls.Trunks;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Stack;
using Softswitch.Sip.Transactions;

namespace Softswitch.Calls.Signalling;

/// <summary>
/// Carriers: the trunks' own REGISTER and OPTIONS go out through <see cref="ClientRequests"/> (their responses are
/// routed back by branch), and a new INVITE from a trunk is taken before digest authentication, which a carrier
/// cannot pass. An INVITE from anyone else still meets the 407/403 of <see cref="Sip.Stack.RequestAuthenticator"/>.
/// </summary>
public sealed partial class SipRequestDispatcher
{
    /// <summary>Out-of-dialog requests the switch sends (trunk REGISTER, OPTIONS); attached with the transaction layer.</summary>
    public ClientRequestRouter ClientRequests { get; } = new();

    /// <summary>The trunk a new INVITE comes from (source address or our registered Contact), or null.</summary>
    private TrunkMatch? IdentifyTrunk(ServerTransaction invite) =>
        _calls?.Trunks?.Identify(invite.Source.Address.Address, invite.Request);

    /// <summary>
    /// An INVITE from a trunk: 404 for a number the trunk does not deliver, else (until the B2BUA bridges DID calls)
    /// 480. True when the INVITE was a trunk's and has been answered; false sends it on to digest authentication.
    /// </summary>
    private bool TryTakeTrunkCall(ServerTransaction invite)
    {
        if (IdentifyTrunk(invite) is not { } trunk) return false;
        var request = invite.Request;
        LogTrunkCall(request.CallId, trunk.Trunk.Settings.Name, invite.Source.Address.ToString(), trunk.Did, trunk.Reason);
        if (!trunk.IsKnownDid) invite.Respond(404, "Unknown DID", toTag: SipIds.NewTag());
        else invite.Respond(480, "Trunk Calls Not Yet Served", toTag: SipIds.NewTag());
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: call from trunk {Trunk} ({Source}) to DID {Did} (recognised by {Reason})")]
    private partial void LogTrunkCall(string callId, string trunk, string source, string did, TrunkMatchReason reason);
}
