namespace Softswitch.Calls.Presence;

/// <summary>Who started the dialog, seen from the watched extension (RFC 4235 §4.1.2, the <c>direction</c> attribute).</summary>
public enum DialogDirection : byte
{
    /// <summary>The extension placed the call (it sent the INVITE).</summary>
    Initiator,

    /// <summary>The extension is being called (it received the INVITE).</summary>
    Recipient,
}
