namespace Softswitch.Sip.Dialogs;

/// <summary>What a Replaces header found (RFC 3891 §3), with the answer the INVITE that carried it should get.</summary>
public enum ReplacesMatch
{
    /// <summary>A live session matches: the new INVITE takes its place (answer it, then hang the old one up).</summary>
    Found,
    /// <summary>No dialog matches, it has ended, or it is an early dialog we started: 481.</summary>
    NoDialog,
    /// <summary>The header says early-only and the dialog is confirmed: 486 Busy Here.</summary>
    AlreadyAnswered,
}
