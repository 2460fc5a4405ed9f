using Softswitch.Ivr.Calendars;
using Softswitch.Ivr.Flows;
using YamlDotNet.RepresentationModel;

namespace Softswitch.Ivr.Loading;

/// <summary>Reads one flow file into a <see cref="Flow"/>, reporting every mistake in it with its position.</summary>
internal static class FlowParser
{
    private static readonly Dictionary<string, Func<NodeSource, FlowNode?>> Kinds = new(StringComparer.Ordinal)
    {
        ["play"] = PlayNode.Parse,
        ["menu"] = MenuNode.Parse,
        ["collect"] = CollectNode.Parse,
        ["say"] = SayNode.Parse,
        ["speak"] = SpeakNode.Parse,
        ["set"] = SetNode.Parse,
        ["branch"] = BranchNode.Parse,
        ["hours"] = HoursNode.Parse,
        ["language"] = LanguageNode.Parse,
        ["http"] = HttpNode.Parse,
        ["transfer"] = TransferNode.Parse,
        ["voicemail"] = VoicemailNode.Parse,
        ["mailbox"] = MailboxNode.Parse,
        ["hangup"] = HangupNode.Parse,
        ["queue"] = QueueNode.Parse,
    };

    private static readonly string KindList = string.Join(", ", Kinds.Keys);

    /// <summary>The flow, or null when the file has errors; <paramref name="reader"/> holds the problems either way.</summary>
    public static Flow? Parse(TextReader text, string name, YamlFileReader reader, IReadOnlyDictionary<string, BusinessCalendar> calendars, string defaultLanguage)
    {
        if (reader.ParseDocument(text) is not { } root) return null;
        if (reader.Mapping(root, "a flow") is not { } mapping) return null;
        var entries = reader.Entries(mapping);
        foreach (var (key, (keyNode, _)) in entries)
        {
            if (key is not ("start" or "languages" or "variables" or "nodes"))
            {
                reader.Error(keyNode, $"unknown key '{key}' at the top of a flow (known: start, languages, variables, nodes)");
            }
        }

        var languages = new List<string>();
        if (entries.TryGetValue("languages", out var languagesEntry))
        {
            var items = languagesEntry.Value is YamlSequenceNode list ? list.Children : [languagesEntry.Value];
            foreach (var item in items)
            {
                if (reader.LanguageCode(item, "languages") is { } code && !languages.Contains(code)) languages.Add(code);
            }
        }

        var variables = new List<KeyValuePair<string, string>>();
        if (entries.TryGetValue("variables", out var variablesEntry) && reader.Mapping(variablesEntry.Value, "variables") is { } variablesMap)
        {
            foreach (var (variable, (key, value)) in reader.Entries(variablesMap))
            {
                if (reader.VariableName(key, "a variable") is not null && reader.Scalar(value, variable) is { } initial) variables.Add(new(variable, initial));
            }
        }

        var nodes = new Dictionary<string, FlowNode>(StringComparer.Ordinal);
        string? first = null;
        if (!entries.TryGetValue("nodes", out var nodesEntry))
        {
            reader.Error(mapping, "a flow needs 'nodes:'");
        }
        else if (reader.Mapping(nodesEntry.Value, "nodes") is { } nodesMap)
        {
            foreach (var (nodeName, (key, value)) in reader.Entries(nodesMap))
            {
                first ??= nodeName;
                if (reader.Reference(key, "a node's name") is null) continue;
                if (reader.Mapping(value, $"node '{nodeName}'") is not { } nodeMap) continue;
                if (ParseNode(nodeName, reader.At(key), nodeMap, reader, calendars) is { } node) nodes[nodeName] = node;
            }

            if (first is null) reader.Error(nodesEntry.Value, "a flow needs at least one node");
        }

        var start = first;
        if (entries.TryGetValue("start", out var startEntry) && reader.Reference(startEntry.Value, "start") is { } startReference)
        {
            start = startReference.Name;
            if (!nodes.ContainsKey(start) && !reader.HasErrors) reader.Error(startEntry.Value, $"start names no node: '{start}'");
        }

        foreach (var node in nodes.Values.OfType<LanguageNode>())
        {
            if (!languages.Contains(node.Language)) languages.Add(node.Language);
        }

        if (languages.Count == 0) languages.Add(defaultLanguage);
        if (reader.HasErrors || start is null) return null;
        return new Flow(name, reader.File, start, languages, variables, nodes);
    }

    private static FlowNode? ParseNode(string name, SourcePosition position, YamlMappingNode map, YamlFileReader reader, IReadOnlyDictionary<string, BusinessCalendar> calendars)
    {
        var entries = reader.Entries(map);
        var kinds = entries.Keys.Where(Kinds.ContainsKey).ToList();
        if (kinds.Count == 0)
        {
            var guess = entries.FirstOrDefault(e => e.Key is not ("next" or "prompt"));
            var where = guess.Key is null ? position : reader.At(guess.Value.Key);
            reader.Error(where, guess.Key is null
                ? $"node '{name}' has no kind: give it one of {KindList}"
                : $"unknown node kind '{guess.Key}' in node '{name}' (kinds: {KindList})");
            return null;
        }

        if (kinds.Count > 1)
        {
            reader.Error(reader.At(entries[kinds[1]].Key), $"node '{name}' has two kinds, {kinds[0]} and {kinds[1]}: split it into two nodes");
            return null;
        }

        var source = new NodeSource(name, position, kinds[0], entries, reader, calendars);
        var node = Kinds[kinds[0]](source);
        source.ReportUnknownKeys();
        return node;
    }
}
