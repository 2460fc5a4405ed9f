namespace Softswitch.Calls.Presence;

/// <summary>The states of a dialog in the dialog event package (RFC 4235 §3.7.1), as a busy-lamp field shows them.</summary>
public enum DialogState : byte
{
    /// <summary>The INVITE was sent or received, nothing answered yet (a caller dialling).</summary>
    Trying,

    /// <summary>A provisional response without a To tag (100 aside): the far end is working on it.</summary>
    Proceeding,

    /// <summary>A provisional response with a To tag: ringing (the callee's lamp blinks).</summary>
    Early,

    /// <summary>Answered: the two parties talk.</summary>
    Confirmed,

    /// <summary>Over (hung up, cancelled, rejected, failed); reported once, then the dialog is forgotten.</summary>
    Terminated,
}
