namespace Softswitch.Configuration.Options;

/// <summary>The <c>voicemail</c> section of one extension: its mailbox's access from a phone (<c>*97</c>).</summary>
public sealed class ExtensionVoicemailOptions
{
    /// <summary>Digits the owner keys in to listen to messages; none: the mailbox takes messages but nobody can listen by phone.</summary>
    public string? Pin { get; set; }
}
