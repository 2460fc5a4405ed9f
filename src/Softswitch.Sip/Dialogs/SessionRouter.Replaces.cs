namespace Softswitch.Sip.Dialogs;

/// <summary>Finding the session a Replaces header names (RFC 3891 §3), answering or calling.</summary>
public sealed partial class SessionRouter
{
    /// <summary>
    /// RFC 3891 §3: the live session whose dialog <paramref name="replaces"/> names at our end (Call-ID, our tag as
    /// to-tag, the peer's as from-tag). <see cref="ReplacesMatch.NoDialog"/> (answer 481) when none matches, it has
    /// ended, or it is an early dialog of a call we placed (§3: only the UAS side of an early dialog may be replaced);
    /// <see cref="ReplacesMatch.AlreadyAnswered"/> (answer 486) for early-only and a confirmed dialog.
    /// </summary>
    public ReplacesMatch FindReplaced(ReplacesHeader replaces, out IInviteSession? session)
    {
        ArgumentNullException.ThrowIfNull(replaces);
        session = null;
        if (Dialogs.TryGet(replaces.Dialog, out var answering))
        {
            if (answering.State is InviteSessionState.Terminating or InviteSessionState.Terminated) return ReplacesMatch.NoDialog;
            if (replaces.EarlyOnly && answering.State is InviteSessionState.Accepted or InviteSessionState.Confirmed) return ReplacesMatch.AlreadyAnswered;
            session = answering;
            return ReplacesMatch.Found;
        }

        if (!Dialogs.TryGetClient(replaces.CallId, replaces.ToTag, out var calling)) return ReplacesMatch.NoDialog;
        var state = calling.State;
        if (calling.Dialog?.RemoteTag != replaces.FromTag
            || state is not (InviteClientSessionState.Answered or InviteClientSessionState.Confirmed))
        {
            return ReplacesMatch.NoDialog;
        }

        if (replaces.EarlyOnly) return ReplacesMatch.AlreadyAnswered;
        session = calling;
        return ReplacesMatch.Found;
    }
}
