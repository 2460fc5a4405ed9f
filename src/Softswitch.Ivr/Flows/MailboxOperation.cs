namespace Softswitch.Ivr.Flows;

/// <summary>What a <see cref="MailboxNode"/> does to the mailbox the call opened.</summary>
public enum MailboxOperation
{
    /// <summary>Opens a box with its PIN and loads its messages (new first); the first one becomes current.</summary>
    Open,

    /// <summary>Plays the current message.</summary>
    Play,

    /// <summary>Moves to the following message.</summary>
    Next,

    /// <summary>Keeps the current message as heard.</summary>
    Save,

    /// <summary>Deletes the current message.</summary>
    Delete,
}
