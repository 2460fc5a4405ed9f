using Softswitch.Calls.Presence;

namespace Softswitch.Calls.Legs;

/// <summary>
/// The caller's busy lamp: the calling extension's dialog goes on the <see cref="ExtensionActivity"/> board as
/// Trying when the call is taken, Early when we ring, Confirmed when we answer and Terminated when it is released.
/// </summary>
public sealed partial class InboundCall
{
    private ExtensionActivity? _activity;

    private void ReportActivity(DialogState state)
    {
        // The INVITE was authenticated as its From user, so that is the calling extension.
        if (_activity is not { } board || _session is not { } session || session.Invite.From.Uri.User is not { Length: > 0 } caller) return;
        var invite = session.Invite;
        board.Report(caller, new DialogActivity(CallId, DialogDirection.Initiator, state, invite.RequestUri.WithoutHeaders().ToString(),
            LocalTag: invite.From.Tag, RemoteTag: state == DialogState.Trying ? null : session.Dialog.LocalTag));
    }
}
