using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Softswitch.Configuration.Yaml;

/// <summary>
/// Turns one YAML document into configuration keys: mappings become <c>a:b</c>, sequences
/// <c>a:0</c>, scalars the values; and remembers where every key and value started, so later
/// validation can point at the line. Syntax errors come back as a problem, never an exception.
/// </summary>
public static partial class YamlDocumentFlattener
{
    /// <summary>Result of flattening: the data, the positions, or the first error.</summary>
    public sealed record Result(
        Dictionary<string, string?> Data,
        Dictionary<string, YamlKeyPosition> Positions,
        ConfigProblem? Error);

    /// <summary>Parses <paramref name="reader"/>; <paramref name="displayPath"/> is used in problems.</summary>
    public static Result Flatten(TextReader reader, string displayPath)
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var positions = new Dictionary<string, YamlKeyPosition>(StringComparer.OrdinalIgnoreCase);
        var scanner = new Scanner(reader);
        try
        {
            var stream = new YamlStream();
            stream.Load(new Parser(scanner));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
            {
                return new Result(data, positions, new ConfigProblem(displayPath, 1, 1, "", "the file is empty"));
            }

            if (stream.Documents.Count > 1)
            {
                var second = stream.Documents[1].RootNode.Start;
                return new Result(data, positions, Problem(displayPath, second, "only one YAML document is allowed (remove the second '---')"));
            }

            var root = stream.Documents[0].RootNode;
            if (root is not YamlMappingNode mapping)
            {
                return new Result(data, positions, Problem(displayPath, root.Start, "the top level must be a mapping of sections (sip:, extensions:, …)"));
            }

            var error = VisitMapping(mapping, null, data, positions, displayPath);
            return new Result(data, positions, error);
        }
        catch (YamlException ex)
        {
            return new Result(data, positions, Problem(displayPath, ex.Start, CleanMessage(ex)));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up this way on some unterminated flow collections; the
            // scanner's position is where it stopped understanding the text.
            return new Result(data, positions, Problem(displayPath, scanner.CurrentPosition, "invalid YAML here (is a bracket or quote left open?)"));
        }
    }

    private static ConfigProblem? Visit(YamlNode node, string path, Dictionary<string, string?> data, Dictionary<string, YamlKeyPosition> positions, string file)
    {
        switch (node)
        {
            case YamlMappingNode mapping when mapping.Children.Count == 0:
            case YamlSequenceNode sequence when sequence.Children.Count == 0:
                data[path] = null;
                return null;
            case YamlMappingNode mapping:
                return VisitMapping(mapping, path, data, positions, file);
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    var item = sequence.Children[i];
                    var itemPath = ConfigKeys.Combine(path, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    var start = ToPosition(item.Start);
                    positions[itemPath] = new YamlKeyPosition(start, start);
                    if (Visit(item, itemPath, data, positions, file) is { } error)
                    {
                        return error;
                    }
                }

                return null;
            case YamlScalarNode scalar:
                data[path] = IsNull(scalar) ? null : scalar.Value;
                return null;
            default:
                return Problem(file, node.Start, $"{ConfigKeys.Display(path)}: unsupported YAML node");
        }
    }

    private static ConfigProblem? VisitMapping(YamlMappingNode mapping, string? path, Dictionary<string, string?> data, Dictionary<string, YamlKeyPosition> positions, string file)
    {
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } keyText } || keyText.Contains(':', StringComparison.Ordinal))
            {
                return Problem(file, keyNode.Start, "keys must be plain words (letters, digits, underscores)");
            }

            var keyPath = ConfigKeys.Combine(path, keyText.Trim());
            // Configuration keys ignore case, so "Port" and "port" would silently overwrite each other.
            if (positions.TryGetValue(keyPath, out var first))
            {
                return Problem(file, keyNode.Start, $"{ConfigKeys.Display(keyPath)}: duplicate key (first defined at line {first.Key.Line})");
            }

            positions[keyPath] = new YamlKeyPosition(ToPosition(keyNode.Start), ToPosition(valueNode.Start));
            if (Visit(valueNode, keyPath, data, positions, file) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    private static bool IsNull(YamlScalarNode scalar) =>
        (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value == "tag:yaml.org,2002:null") ||
        (scalar.Style == ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL");

    private static SourcePosition ToPosition(Mark mark) => new((int)mark.Line, (int)mark.Column);

    private static ConfigProblem Problem(string file, Mark mark, string message) =>
        new(file, (int)mark.Line, (int)mark.Column, "", message);

    // YamlDotNet prefixes its messages with "(Line: 3, Col: 5, Idx: 20) - (Line: …): "; we print our own position.
    private static string CleanMessage(YamlException ex)
    {
        var message = MarkPrefix().Replace(ex.Message, "");
        return message.Length == 0 ? "invalid YAML" : char.ToLowerInvariant(message[0]) + message[1..];
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex MarkPrefix();
}
