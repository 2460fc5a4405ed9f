namespace Softswitch.Storage.Retention;

/// <summary>What one sweep of <see cref="FileRetentionSweeper"/> deleted.</summary>
/// <param name="Recordings">Call recordings whose file (and <c>recordings</c> row) went.</param>
/// <param name="VoicemailMessages">Voicemail messages whose file and row went.</param>
public readonly record struct FileRetentionSweep(int Recordings, int VoicemailMessages);
