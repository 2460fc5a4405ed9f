using Softswitch.Calls.Bridging;
using Softswitch.Sip.Dialogs;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Stack;
using Softswitch.Sip.Transactions;

namespace Softswitch.Calls.Signalling;

/// <summary>
/// RFC 3891: an extension's INVITE with a Replaces header is not a new call. When it names a party's dialog of a bridged
/// call, that call takes the INVITE in the party's place; otherwise 481 (no such dialog) or 486 (early-only, answered).
/// </summary>
public sealed partial class SipRequestDispatcher
{
    /// <summary>True when the INVITE carried Replaces and has been handed to its call or answered.</summary>
    private bool TryReplace(ServerTransaction invite, string caller)
    {
        if (invite.Request.GetFirstHeaderValue("Replaces") is not { } value) return false;
        if (!ReplacesHeader.TryParse(value, out var replaces))
        {
            invite.Respond(400, "Bad Replaces", toTag: SipIds.NewTag());
            return true;
        }

        var match = _calls!.Sessions.FindReplaced(replaces, out var session);
        var owner = match == ReplacesMatch.Found
            ? _calls.Active.Snapshot().OfType<BridgedCall>().FirstOrDefault(call => call.HasParty(session!))
            : null;
        if (owner is null)
        {
            var busy = match == ReplacesMatch.AlreadyAnswered;
            invite.Respond(busy ? 486 : 481, busy ? "Busy Here" : "Call/Transaction Does Not Exist", toTag: SipIds.NewTag());
            LogNothingToReplace(invite.Request.CallId, caller, replaces.CallId, busy ? 486 : 481);
            return true;
        }

        owner.Post(new ReplaceRequested(invite, caller, session!));
        return true;
    }
}
