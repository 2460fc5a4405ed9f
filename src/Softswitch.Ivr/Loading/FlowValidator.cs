using Softswitch.Ivr.Flows;
using Softswitch.Ivr.Runtime;

namespace Softswitch.Ivr.Loading;

/// <summary>
/// The checks that need the whole flow and its surroundings: every <c>next</c> names a node, every node can be reached,
/// no loop spins without waiting for the caller, every prompt is recorded in every language the flow uses, every
/// flow a transfer names exists, and mailbox operations have a box to act on.
/// </summary>
internal static class FlowValidator
{
    public static void Validate(Flow flow, FlowServices services, IReadOnlySet<string> flowNames, YamlFileReader reader)
    {
        CheckReferences(flow, reader);
        CheckReachable(flow, reader);
        CheckLoops(flow, reader);
        CheckPrompts(flow, services, reader);
        CheckMailbox(flow, reader);
        foreach (var transfer in flow.Nodes.Values.OfType<TransferNode>())
        {
            if (transfer.Target.Flow is { } target && !flowNames.Contains(target.Name))
            {
                reader.Error(target.Position, $"transfer to flow '{target.Name}', but there is no {target.Name}.yaml beside this flow");
            }
        }
    }

    /// <summary>play, next, save and delete act on the box a <c>mailbox: open</c> of the same flow opened.</summary>
    private static void CheckMailbox(Flow flow, YamlFileReader reader)
    {
        var mailboxNodes = flow.Nodes.Values.OfType<MailboxNode>().ToList();
        if (mailboxNodes.Exists(n => n.Settings.Operation == MailboxOperation.Open)) return;
        foreach (var node in mailboxNodes)
        {
            reader.Error(node.Position, $"mailbox: {node.Settings.Operation.ToString().ToLowerInvariant()} needs a mailbox: open in this flow (it acts on the box that opened)");
        }
    }

    private static void CheckReferences(Flow flow, YamlFileReader reader)
    {
        foreach (var node in flow.Nodes.Values)
        {
            foreach (var exit in node.Exits)
            {
                if (!flow.Nodes.ContainsKey(exit.Name)) reader.Error(exit.Position, $"'{exit.Name}' names no node in this flow{Suggest(flow, exit.Name)}");
            }
        }
    }

    private static void CheckReachable(Flow flow, YamlFileReader reader)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal) { flow.Start };
        var pending = new Stack<string>([flow.Start]);
        while (pending.TryPop(out var name))
        {
            foreach (var exit in flow.Nodes[name].Exits)
            {
                if (flow.Nodes.ContainsKey(exit.Name) && reached.Add(exit.Name)) pending.Push(exit.Name);
            }
        }

        foreach (var node in flow.Nodes.Values.Where(n => !reached.Contains(n.Name)))
        {
            reader.Warning(node.Position, $"node '{node.Name}' is never reached from '{flow.Start}'");
        }
    }

    /// <summary>A cycle through nodes that never wait for the caller would spin forever (play → branch → play).</summary>
    private static void CheckLoops(Flow flow, YamlFileReader reader)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1: on the current path, 2: done
        var path = new List<string>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in flow.Nodes.Values) Visit(node.Name);

        void Visit(string name)
        {
            if (state.GetValueOrDefault(name) == 2 || !flow.Nodes.TryGetValue(name, out var node) || node.WaitsForInput) return;
            if (state.GetValueOrDefault(name) == 1)
            {
                var cycle = path.Skip(path.IndexOf(name)).Append(name).ToList();
                if (reported.Add(cycle.Min(StringComparer.Ordinal)!))
                {
                    reader.Error(flow.Nodes[name].Position, $"loop that never waits for the caller: {string.Join(" -> ", cycle)} (put a menu or collect in it)");
                }

                return;
            }

            state[name] = 1;
            path.Add(name);
            foreach (var exit in node.Exits) Visit(exit.Name);
            path.RemoveAt(path.Count - 1);
            state[name] = 2;
        }
    }

    private static void CheckPrompts(Flow flow, FlowServices services, YamlFileReader reader)
    {
        foreach (var node in flow.Nodes.Values)
        {
            foreach (var prompt in node.Prompts)
            {
                foreach (var language in prompt.Language is null ? flow.Languages : [prompt.Language])
                {
                    var file = Path.Combine(services.SoundsFolder, language, prompt.Name + ".wav");
                    if (!File.Exists(file)) reader.Error(prompt.Position, $"prompt '{prompt.Name}' is not recorded in '{language}' ({file} not found)");
                }
            }

            if (node is SayNode && services.NumberSpeaker is { } speaker)
            {
                foreach (var language in flow.Languages)
                {
                    if (!speaker.Speaks(language))
                    {
                        reader.Error(node.Position, $"say cannot speak numbers in '{language}'");
                        continue;
                    }

                    var missing = speaker.PromptNames(language).Where(name => !File.Exists(Path.Combine(services.SoundsFolder, language, name + ".wav"))).Order(StringComparer.Ordinal).ToList();
                    if (missing.Count > 0)
                    {
                        reader.Error(node.Position, $"say needs number prompts not recorded in '{language}': {string.Join(", ", missing.Take(5))}{(missing.Count > 5 ? $" and {missing.Count - 5} more" : "")}");
                    }
                }
            }
        }
    }

    private static string Suggest(Flow flow, string name)
    {
        var close = flow.Nodes.Keys
            .Select(n => (Name: n, Distance: Distance(n, name)))
            .Where(c => c.Distance <= Math.Max(1, name.Length / 3))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .FirstOrDefault().Name;
        return close is null ? "" : $" (did you mean '{close}'?)";
    }

    /// <summary>Edits (insert, delete, change, swap two neighbours) from one name to the other: a typo is one or two.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }

        return d[a.Length, b.Length];
    }
}
