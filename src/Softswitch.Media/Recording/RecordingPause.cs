namespace Softswitch.Media.Recording;

/// <summary>A span of a recording written as silence (a PCI pause), as offsets from the recording's start.</summary>
/// <param name="Start">Where the silence begins.</param>
/// <param name="End">Where the recording resumed; null while still paused (or when the recording ended paused).</param>
public readonly record struct RecordingPause(TimeSpan Start, TimeSpan? End);
