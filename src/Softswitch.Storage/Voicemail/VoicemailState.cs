namespace Softswitch.Storage.Voicemail;

/// <summary>Where a message stands in its box: unheard, kept after listening, or deleted (its file gone, the row kept).</summary>
public enum VoicemailState
{
    New,
    Saved,
    Deleted,
}
