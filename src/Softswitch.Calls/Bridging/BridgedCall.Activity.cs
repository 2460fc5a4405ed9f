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
        if (_caller is not CallerLeg inbound)
        {
            if (_caller.Dialog is not null) ReportCallee(_caller, state); // a call the switch placed: its answered leg was rung
            return;
        }

        var invite = inbound.Session.Invite;
        board.Report(Caller, new DialogActivity(CallId, DialogDirection.Initiator, state, $"sip:{Dialled}@{_context.Domain}",
            LocalTag: invite.From.Tag, RemoteTag: state == DialogState.Trying ? null : inbound.Session.Dialog.LocalTag));
    }

    private void ReportCallee(CallLeg leg, DialogState state)
    {
        if (_context.Activity is not { } board || leg.CallId.Length == 0 || _trunkOf.ContainsKey(leg)) return;
        board.Report(leg.Peer, new DialogActivity(leg.CallId, DialogDirection.Recipient, state, $"sip:{Caller}@{_context.Domain}", CallerName,
            LocalTag: leg.Dialog?.RemoteTag, RemoteTag: leg.Dialog?.LocalTag));
    }

    /// <summary>
    /// After a transfer or a Replaces: <paramref name="gone"/>'s dialog in this call is over (its lamp goes out now, not
    /// when the call ends), and each of the two parties now bridged is shown confirmed with the other. A leg another
    /// call handed over keeps its own Call-ID, so its report replaces the one that call made.
    /// </summary>
    private void ReportPartiesChanged(CallLeg gone)
    {
        if (_context.Activity is null || _answered is not { } answered) return;
        ReportLeg(gone, DialogState.Terminated, null);
        ReportLeg(_partyA, DialogState.Confirmed, answered);
        ReportLeg(answered, DialogState.Confirmed, _partyA);
    }

    /// <summary>One leg's dialog as its extension's lamp shows it (a carrier's leg has no lamp), <paramref name="other"/> the party it talks to.</summary>
    private void ReportLeg(CallLeg leg, DialogState state, CallLeg? other)
    {
        if (_context.Activity is not { } board || leg.Trunk is not null || leg.CallId.Length == 0) return;
        var direction = leg.Role == "caller" ? DialogDirection.Initiator : DialogDirection.Recipient;
        board.Report(leg.Peer, new DialogActivity(leg.CallId, direction, state, $"sip:{other?.Party ?? Dialled}@{_context.Domain}",
            other is null ? null : other == _caller ? CallerName : null, LocalTag: leg.Dialog?.RemoteTag, RemoteTag: leg.Dialog?.LocalTag));
    }

    /// <summary>At release: every leg of the call off the board (the board ignores dialogs it never saw).</summary>
    private void ReportAllTerminated()
    {
        if (_context.Activity is null) return;
        if (_caller != _handedOver) ReportCaller(DialogState.Terminated);
        foreach (var fork in _forks.Concat(_transferForks).Where(fork => fork != _handedOver)) ReportCallee(fork, DialogState.Terminated);
        if (_answered is { } answered && answered != _handedOver) ReportCallee(answered, DialogState.Terminated);
        foreach (var leg in _adopted)
        {
            if (leg != _handedOver && leg != _answered) ReportLeg(leg, DialogState.Terminated, null); // e.g. a party handed over to us
        }
    }
}
