using System.Globalization;
using System.Text.RegularExpressions;
using Softswitch.Ivr.Flows;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Softswitch.Ivr.Loading;

/// <summary>
/// Reads values out of a YAML document and collects every problem with its position, so one pass reports all mistakes
/// of a file instead of stopping at the first.
/// </summary>
internal sealed partial class YamlFileReader(string file)
{
    private readonly List<FlowProblem> _problems = [];

    public string File => file;

    public IReadOnlyList<FlowProblem> Problems => _problems;

    public bool HasErrors => _problems.Exists(p => p.IsError);

    public SourcePosition At(YamlNode node) => new(file, (int)node.Start.Line, (int)node.Start.Column);

    public void Error(YamlNode node, string message) => _problems.Add(new FlowProblem(At(node), message));

    public void Error(SourcePosition position, string message) => _problems.Add(new FlowProblem(position, message));

    public void Warning(SourcePosition position, string message) =>
        _problems.Add(new FlowProblem(position, message, FlowProblemSeverity.Warning));

    /// <summary>The document's root, or null (with the syntax error recorded) when the text is not YAML.</summary>
    public YamlNode? ParseDocument(TextReader text)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(text);
            if (stream.Documents.Count == 0)
            {
                _problems.Add(new FlowProblem(new SourcePosition(file, 1, 1), "the file is empty"));
                return null;
            }

            return stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            var message = e.InnerException?.Message ?? e.Message;
            // YamlDotNet prefixes its own "(Line: .., Col: ..)": the position is already in front.
            var paren = message.IndexOf("): ", StringComparison.Ordinal);
            if (message.StartsWith("(Line", StringComparison.Ordinal) && paren > 0) message = message[(paren + 3)..];
            // The scanner notices a key that lost its colon only on the next line: say what to look for.
            if (message.Contains("invalid mapping", StringComparison.Ordinal)) message += " (does a line above lack the ':' after its key?)";
            _problems.Add(new FlowProblem(new SourcePosition(file, (int)e.Start.Line, (int)e.Start.Column), $"not valid YAML: {message}"));
            return null;
        }
    }

    /// <summary>The mapping's entries by key name; a key that is not a plain name is reported.</summary>
    public Dictionary<string, (YamlScalarNode Key, YamlNode Value)> Entries(YamlMappingNode mapping)
    {
        var entries = new Dictionary<string, (YamlScalarNode, YamlNode)>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { } name } scalar)
            {
                Error(key, "a key must be a plain name");
                continue;
            }

            if (!entries.TryAdd(name, (scalar, value))) Error(key, $"'{name}' is given twice");
        }

        return entries;
    }

    public string? Scalar(YamlNode node, string what)
    {
        if (node is YamlScalarNode scalar) return scalar.Value ?? "";
        Error(node, $"{what} must be a single value, not a {(node is YamlMappingNode ? "mapping" : "list")}");
        return null;
    }

    public YamlMappingNode? Mapping(YamlNode node, string what)
    {
        if (node is YamlMappingNode mapping) return mapping;
        Error(node, $"{what} must be a mapping (key: value lines)");
        return null;
    }

    /// <summary>A duration written as <c>500ms</c>, <c>5s</c>, <c>1.5s</c> or <c>2m</c>.</summary>
    public TimeSpan? Duration(YamlNode node, string key)
    {
        var text = Scalar(node, key);
        if (text is null) return null;
        var match = DurationPattern().Match(text.Trim());
        if (match.Success && double.TryParse(match.Groups[1].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            var duration = match.Groups[2].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(amount),
                "s" => TimeSpan.FromSeconds(amount),
                _ => TimeSpan.FromMinutes(amount),
            };
            if (duration > TimeSpan.Zero) return duration;
        }

        Error(node, $"bad duration '{text}' for {key}: write it like 500ms, 5s or 2m");
        return null;
    }

    public int? Integer(YamlNode node, string key, int min, int max)
    {
        var text = Scalar(node, key);
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        Error(node, $"{key} must be a whole number from {min} to {max}, not '{text}'");
        return null;
    }

    public bool? Boolean(YamlNode node, string key)
    {
        var text = Scalar(node, key);
        switch (text)
        {
            case null:
                return null;
            case "true" or "yes" or "on":
                return true;
            case "false" or "no" or "off":
                return false;
            default:
                Error(node, $"{key} must be true or false, not '{text}'");
                return null;
        }
    }

    public Regex? Pattern(YamlNode node, string key)
    {
        var text = Scalar(node, key);
        if (text is null) return null;
        try
        {
            return new Regex(text, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException e)
        {
            Error(node, $"bad regular expression for {key}: {e.Message}");
            return null;
        }
    }

    public NodeReference? Reference(YamlNode node, string key)
    {
        var text = Scalar(node, key);
        if (text is null) return null;
        if (NamePattern().IsMatch(text)) return new NodeReference(text, At(node));
        Error(node, $"{key} must name a node (letters, digits, - and _), not '{text}'");
        return null;
    }

    /// <summary>A variable's name: letters, digits and _ (it is written <c>${name}</c> in text).</summary>
    public string? VariableName(YamlNode node, string key)
    {
        var text = Scalar(node, key);
        if (text is null) return null;
        if (VariablePattern().IsMatch(text)) return text;
        Error(node, $"{key} must be a variable name (letters, digits and _), not '{text}'");
        return null;
    }

    /// <summary>
    /// One prompt or several: <c>welcome</c>, <c>[welcome, main-menu]</c>, or entries like
    /// <c>{ prompt: lang-menu, language: ms }</c> to say it in a language of its own.
    /// </summary>
    public IReadOnlyList<PromptReference> Prompts(YamlNode node, string key)
    {
        var prompts = new List<PromptReference>();
        var items = node is YamlSequenceNode sequence ? sequence.Children : [node];
        foreach (var item in items)
        {
            if (item is YamlMappingNode mapping)
            {
                var entries = Entries(mapping);
                foreach (var (name, (k, _)) in entries)
                {
                    if (name is not ("prompt" or "language")) Error(k, $"unknown key '{name}' in a prompt (expected prompt, language)");
                }

                if (!entries.TryGetValue("prompt", out var promptEntry))
                {
                    Error(item, "a prompt entry needs 'prompt: NAME'");
                    continue;
                }

                var language = entries.TryGetValue("language", out var lang) ? LanguageCode(lang.Value, "language") : null;
                if (PromptName(promptEntry.Value, key) is { } promptName) prompts.Add(new PromptReference(promptName, language, At(promptEntry.Value)));
            }
            else if (PromptName(item, key) is { } name)
            {
                prompts.Add(new PromptReference(name, null, At(item)));
            }
        }

        return prompts;
    }

    public string? LanguageCode(YamlNode node, string key)
    {
        var text = Scalar(node, key);
        if (text is null) return null;
        if (LanguagePattern().IsMatch(text)) return text;
        Error(node, $"{key} must be a language code such as en, ms or id, not '{text}'");
        return null;
    }

    private string? PromptName(YamlNode node, string key)
    {
        var text = Scalar(node, key);
        if (text is null) return null;
        if (PromptPattern().IsMatch(text)) return text;
        Error(node, $"{key} must name a prompt (a file name under sounds/<language>/ without .wav), not '{text}'");
        return null;
    }

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)(ms|s|m)$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_-]*$")]
    internal static partial Regex NamePattern();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    internal static partial Regex VariablePattern();

    [GeneratedRegex(@"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")]
    private static partial Regex LanguagePattern();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]*(/[A-Za-z0-9_][A-Za-z0-9_.-]*)*$")]
    private static partial Regex PromptPattern();
}
