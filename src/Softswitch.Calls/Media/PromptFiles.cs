using Softswitch.Media.Playback;

namespace Softswitch.Calls.Media;

/// <summary>Finds a prompt's file by name: spoken prompts under a language, music and tones directly under sounds/.</summary>
public static class PromptFiles
{
    /// <summary>The WAV for <paramref name="name"/> (e.g. <c>welcome</c>, <c>music/default</c>), or null when there is none.</summary>
    public static string? Resolve(CallMediaOptions media, string name) => Resolve(media, name, media.DefaultLanguage);

    /// <summary>The WAV for <paramref name="name"/> in <paramref name="language"/>, else in the default language, else language-free.</summary>
    public static string? Resolve(CallMediaOptions media, string name, string language)
    {
        if (media.Prompts.Locate(media.SoundsFolder, language, name, media.DefaultLanguage) is { } spoken) return spoken;
        if (name.Contains("..", StringComparison.Ordinal)) return null;
        var path = Path.Combine(media.SoundsFolder, name + ".wav");
        return media.Prompts.Exists(path) ? path : null;
    }
}
