namespace Softswitch.Media.Tests.Playback.Support;

/// <summary>One frame a player sent, identified by the bytes <see cref="TestAudio.Numbered"/> puts in each payload.</summary>
internal readonly record struct SentFrame(byte Prompt, int Index, int Length, int Samples, bool Marker);
