using Softswitch.Calls.Presence;

namespace Softswitch.Calls.Bridging;

/// <summary>
/// Busy lamps: each extension on the call reports its own leg's dialog to the <see cref="ExtensionActivity"/> board
/// (RFC 4235 states): the caller Trying → Early → Confirmed, each rung phone Trying → Early → Confirmed or
/// Terminated when another answered or it gave up, and everyone Terminated when the call is released.
/// </summary>
public sealed partial class BridgedCall
{
    private void ReportCaller(DialogState state)
    {
        if (_context.Activity is not { } board || Source.IsTrunk) return;
        var invite = _caller.Session.Invite;
        board.Report(Caller, new DialogActivity(CallId, DialogDirection.Initiator, state, $"sip:{Dialled}@{_context.Domain}",
            LocalTag: invite.From.Tag, RemoteTag: state == DialogState.Trying ? null : _caller.Session.Dialog.LocalTag));
    }

    private void ReportCallee(CallLeg leg, DialogState state)
    {
        if (_context.Activity is not { } board || leg.CallId.Length == 0 || _trunkOf.ContainsKey(leg)) return;
        board.Report(leg.Peer, new DialogActivity(leg.CallId, DialogDirection.Recipient, state, $"sip:{Caller}@{_context.Domain}", CallerName,
            LocalTag: leg.Dialog?.RemoteTag, RemoteTag: leg.Dialog?.LocalTag));
    }

    /// <summary>At release: every leg of the call off the board (the board ignores dialogs it never saw).</summary>
    private void ReportAllTerminated()
    {
        if (_context.Activity is null) return;
        if (_caller != _handedOver) ReportCaller(DialogState.Terminated);
        foreach (var fork in _forks.Concat(_transferForks).Where(fork => fork != _handedOver)) ReportCallee(fork, DialogState.Terminated);
        if (_answered is { } answered && answered != _handedOver) ReportCallee(answered, DialogState.Terminated);
    }
}
