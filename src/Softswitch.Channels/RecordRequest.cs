namespace Softswitch.Channels;

/// <summary>What <see cref="ICallChannel.RecordAsync"/> records and when it stops.</summary>
public sealed record RecordRequest
{
    /// <summary>The WAV file to write (its folder is created).</summary>
    public required string Path { get; init; }

    /// <summary>The longest message kept.</summary>
    public TimeSpan MaxLength { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Stop after this much silence; zero to never stop on silence.</summary>
    public TimeSpan SilenceTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Keys that stop the recording (not recorded themselves); empty for none.</summary>
    public string StopKeys { get; init; } = "#";

    /// <summary>Play a short beep first, so the caller knows to speak.</summary>
    public bool Beep { get; init; } = true;
}
