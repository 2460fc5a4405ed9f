using Softswitch.Calls.Bridging;
using Softswitch.Sip.Dialogs;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Stack;
using Softswitch.Sip.Transactions;

namespace Softswitch.Calls.Signalling;

/// <summary>
/// RFC 3891: an INVITE with a Replaces header, from an extension or a trunk, is not a new call (and never reaches a
/// DID's route). When it names a party's dialog of a bridged call, that call takes the INVITE in the party's place
/// (a trunk's only in place of its own leg: the call checks); otherwise 481 (no such dialog) or 486 (early-only, answered).
/// </summary>
public sealed partial class SipRequestDispatcher
{
    /// <summary>
    /// True when the INVITE carried Replaces and has been handed to its call or answered. <paramref name="caller"/> is the
    /// extension, or with <paramref name="trunk"/> the caller ID of the carrier's INVITE.
    /// </summary>
    private bool TryReplace(ServerTransaction invite, string caller, string? trunk = null)
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

        owner.Post(new ReplaceRequested(invite, caller, session!, trunk));
        return true;
    }
}
