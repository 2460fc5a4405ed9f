namespace Softswitch.Storage.Voicemail;

/// <summary>How many new and saved messages one box holds.</summary>
public readonly record struct VoicemailBoxCounts(string Box, int New, int Saved);
