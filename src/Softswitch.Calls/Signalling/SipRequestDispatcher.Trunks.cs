using Microsoft.Extensions.Logging;
using Softswitch.Calls.Bridging;
using Softswitch.Calls.Routing;
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
        _calls?.Trunks?.Directory.Identify(invite.Source.Address.Address, invite.Request);

    /// <summary>
    /// An INVITE from a trunk, routed by its DID in the trunk's inbound context (never the internal one: a carrier
    /// reaches only what its context's routes name). 404 for a DID the trunk does not deliver or no route knows.
    /// True when the INVITE was a trunk's and has been handled; false sends it on to digest authentication.
    /// </summary>
    private bool TryTakeTrunkCall(ServerTransaction invite)
    {
        if (IdentifyTrunk(invite) is not { } trunk) return false;
        var request = invite.Request;
        var settings = trunk.Trunk.Settings;
        LogTrunkCall(request.CallId, settings.Name, invite.Source.Address.ToString(), trunk.Did, trunk.Reason);
        if (TryReplace(invite, request.From.Uri.User ?? "anonymous", settings.Name)) return true; // a transfer on the carrier's side
        var calls = _calls!;
        var route = trunk.IsKnownDid ? calls.DialPlan().Find(trunk.Did, settings.Context) : null;
        if (route is null)
        {
            invite.Respond(404, trunk.IsKnownDid ? "No Route For DID" : "Unknown DID", toTag: SipIds.NewTag());
            return true;
        }

        var source = CallSource.Trunk(settings.Name, request.From.Uri.User ?? "anonymous", request.From.DisplayName, settings.Context);
        LogCallPlaced(invite, $"{source.Number} via {settings.Name}", route);
        switch (route.Target)
        {
            case RouteTarget.Extension or RouteTarget.RingGroup when calls.Targets is not null:
                Ring(invite, source, route);
                break;
            case RouteTarget.Trunk:
                CallOut(invite, source, route, trunk.Did);
                break;
            default:
                AnswerFeature(invite, source, route);
                break;
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: call from trunk {Trunk} ({Source}) to DID {Did} (recognised by {Reason})")]
    private partial void LogTrunkCall(string callId, string trunk, string source, string did, TrunkMatchReason reason);
}
