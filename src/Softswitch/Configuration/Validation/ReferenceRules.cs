using Softswitch.Configuration.Options;

namespace Softswitch.Configuration.Validation;

/// <summary>
/// Names in routes that must point at a file: <c>music</c> (sounds/music/CLASS.wav), <c>greeting</c>
/// (sounds/LANGUAGE/NAME.wav for every language in use, or the language-neutral sounds/NAME.wav the call falls back to)
/// and <c>flow</c> (FLOWS/NAME.yaml). A dangling name used to pass and give silent calls. Relative folders resolve
/// against <see cref="ValidationContext.BaseDirectory"/>, the directory the switch runs in, as the running switch does.
/// </summary>
public static class ReferenceRules
{
    /// <summary>Reports each route whose music, greeting or flow names no file.</summary>
    public static void Check(SoftswitchOptions options, ValidationContext context)
    {
        if (string.IsNullOrWhiteSpace(options.Ivr.Sounds) || string.IsNullOrWhiteSpace(options.Ivr.Flows)) return; // reported already
        var sounds = Path.GetFullPath(options.Ivr.Sounds, context.BaseDirectory);
        var flows = Path.GetFullPath(options.Ivr.Flows, context.BaseDirectory);
        var languages = LanguagesInUse(options);
        for (var i = 0; i < options.Routes.Count; i++)
        {
            var route = options.Routes[i];
            var path = context.ItemPath("routes", i);
            if (RouteRules.DestinationCount(route) != 1) continue; // reported by RouteRules; fix that first
            if (route.Music is { Length: > 0 } music && RouteRules.IsSoundName(music))
            {
                var file = Path.Combine(sounds, "music", music + ".wav");
                if (!File.Exists(file)) context.Error(ConfigKeys.Combine(path, "music"), $"music class '{music}' has no file {file}");
            }

            if (route.Greeting is { Length: > 0 } greeting && RouteRules.IsSoundName(greeting) && !File.Exists(Path.Combine(sounds, greeting + ".wav")))
            {
                foreach (var language in languages)
                {
                    var file = Path.Combine(sounds, language, greeting + ".wav");
                    if (!File.Exists(file)) context.Error(ConfigKeys.Combine(path, "greeting"), $"prompt '{greeting}' has no file for language {language}: {file}");
                }
            }

            if (route.Flow is { Length: > 0 } flow)
            {
                var key = ConfigKeys.Combine(path, "flow");
                if (!RouteRules.IsSoundName(flow) || flow.Contains('/', StringComparison.Ordinal))
                {
                    context.Error(key, $"'{flow}' is not a flow name (a file name under ivr.flows without .yaml, e.g. main)");
                }
                else if (Path.Combine(flows, flow + ".yaml") is var file && !File.Exists(file))
                {
                    context.Error(key, $"flow '{flow}' has no file {file}");
                }
            }
        }
    }

    /// <summary>The languages callers can hear. Today that is the default language; flows that switch language will add theirs.</summary>
    private static IReadOnlyList<string> LanguagesInUse(SoftswitchOptions options) =>
        options.Ivr.DefaultLanguage is { Length: > 0 } language ? [language] : [];
}
