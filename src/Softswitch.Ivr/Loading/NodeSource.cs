using Softswitch.Ivr.Calendars;
using Softswitch.Ivr.Flows;
using YamlDotNet.RepresentationModel;

namespace Softswitch.Ivr.Loading;

/// <summary>
/// One node's YAML while it is parsed. Every key a node kind asks for is remembered, so what is left afterwards is an
/// unknown key, reported with the list of keys that kind knows.
/// </summary>
internal sealed class NodeSource(
    string name,
    SourcePosition position,
    string kind,
    Dictionary<string, (YamlScalarNode Key, YamlNode Value)> entries,
    YamlFileReader reader,
    IReadOnlyDictionary<string, BusinessCalendar> calendars)
{
    private readonly HashSet<string> _known = new(StringComparer.Ordinal) { kind };

    public string Name => name;

    public SourcePosition Position => position;

    public YamlFileReader Reader => reader;

    public IReadOnlyDictionary<string, BusinessCalendar> Calendars => calendars;

    /// <summary>The value of the node's kind key (<c>menu: main-menu</c> gives <c>main-menu</c>).</summary>
    public YamlNode KindValue => entries[kind].Value;

    public YamlNode? Get(string key)
    {
        _known.Add(key);
        return entries.TryGetValue(key, out var entry) ? entry.Value : null;
    }

    public NodeReference? Next(string key = "next") => Get(key) is { } value ? reader.Reference(value, key) : null;

    public TimeSpan Duration(string key, TimeSpan fallback) =>
        Get(key) is { } value ? reader.Duration(value, key) ?? fallback : fallback;

    public int Integer(string key, int fallback, int min, int max) =>
        Get(key) is { } value ? reader.Integer(value, key, min, max) ?? fallback : fallback;

    public bool Boolean(string key, bool fallback) =>
        Get(key) is { } value ? reader.Boolean(value, key) ?? fallback : fallback;

    public string? Text(string key) => Get(key) is { } value ? reader.Scalar(value, key) : null;

    public IReadOnlyList<PromptReference> Prompts(string key) => Get(key) is { } value ? reader.Prompts(value, key) : [];

    /// <summary>A single key (0-9, * or #), as menus and collections use.</summary>
    public char? Key(string key)
    {
        var text = Text(key);
        if (text is null) return null;
        if (text.Length == 1 && IsKey(text[0])) return text[0];
        reader.Error(Get(key)!, $"{key} must be one key: 0-9, * or # (quote * and #: \"#\")");
        return null;
    }

    public static bool IsKey(char c) => c is (>= '0' and <= '9') or '*' or '#';

    /// <summary>Reports the keys nobody asked for; call after the node kind read all of its keys.</summary>
    public void ReportUnknownKeys()
    {
        foreach (var (key, (keyNode, _)) in entries)
        {
            if (!_known.Contains(key))
            {
                reader.Error(keyNode, $"unknown key '{key}' in a {kind} node (known: {string.Join(", ", _known.Order(StringComparer.Ordinal))})");
            }
        }
    }
}
