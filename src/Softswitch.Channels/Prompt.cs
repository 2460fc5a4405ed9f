namespace Softswitch.Channels;

/// <summary>
/// Something to play: a named prompt, looked up as <c>sounds/&lt;language&gt;/&lt;name&gt;.wav</c> in the call's language
/// (names with a folder, such as <c>digits/7</c>, work the same way; <c>music/...</c> and <c>tones/...</c> are the same in
/// every language), or a WAV file by path (a voicemail message, a synthesized prompt from the speech cache).
/// </summary>
public readonly record struct Prompt
{
    private Prompt(string? name, string? file, string? language)
    {
        Name = name;
        File = file;
        Language = language;
    }

    /// <summary>The prompt's name, or null for a file.</summary>
    public string? Name { get; }

    /// <summary>The WAV file's full path, or null for a named prompt.</summary>
    public string? File { get; }

    /// <summary>
    /// The language to look a named prompt up in instead of the call's (a language menu says each choice in its own
    /// language); null for the call's language.
    /// </summary>
    public string? Language { get; }

    public static Prompt Named(string name, string? language = null) => new(name, null, language);

    public static Prompt FromFile(string path) => new(null, path, null);

    public override string ToString() => Name ?? File ?? "";
}
