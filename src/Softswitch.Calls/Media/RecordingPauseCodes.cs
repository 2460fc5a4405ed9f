namespace Softswitch.Calls.Media;

/// <summary>
/// The keys an agent (the party a call's caller is connected to) presses to pause a recording while card details are
/// taken (PCI) and to resume it: <c>recording.pause_code</c> and <c>recording.resume_code</c>.
/// </summary>
/// <param name="Pause">Pauses the recording (silence is written); default <c>*1</c>.</param>
/// <param name="Resume">Records again; default <c>*2</c>.</param>
public sealed record RecordingPauseCodes(string Pause = RecordingPauseCodes.DefaultPause, string Resume = RecordingPauseCodes.DefaultResume)
{
    public const string DefaultPause = "*1";
    public const string DefaultResume = "*2";

    /// <summary>The longest code: more keys than this are not a code but something the agent dials on.</summary>
    public const int MaxLength = 8;

    /// <summary>How long the agent may take between the keys of one code.</summary>
    public static readonly TimeSpan InterDigitTimeout = TimeSpan.FromSeconds(3);

    /// <summary>A code is 1 to <see cref="MaxLength"/> DTMF keys (0-9, *, #, A-D).</summary>
    public static bool IsValid(string? code) =>
        code is { Length: > 0 and <= MaxLength } && code.All(key => key is (>= '0' and <= '9') or '*' or '#' or (>= 'A' and <= 'D'));
}
