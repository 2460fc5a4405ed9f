namespace Softswitch.Ivr;

/// <summary>A message being left: its box and the WAV file the flow records into (chosen by <see cref="IVoicemailDrop"/>).</summary>
/// <param name="Box">The mailbox (usually an extension number).</param>
/// <param name="Path">The WAV file to record (its folder is created by the recording).</param>
/// <param name="Id">The drop's own id for the message (a row id, a file name).</param>
public sealed record VoicemailMessage(string Box, string Path, string Id);
