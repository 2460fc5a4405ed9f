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
        // Configuration files are small: keeping the text lets an error be placed by character index.
        var text = reader.ReadToEnd();
        var scanner = new TrackingScanner(new Scanner(new StringReader(text)));
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
            return new Result(data, positions, SyntaxProblem(displayPath, text, scanner, ex.Start, ex.End, CleanMessage(ex)));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up this way on some unterminated flow collections; the
            // scanner's position is where it stopped understanding the text.
            var here = scanner.CurrentPosition;
            return new Result(data, positions, SyntaxProblem(displayPath, text, scanner, here, here, "invalid YAML here (is a bracket or quote left open?)"));
        }
    }

    /// <summary>
    /// Places a syntax error on the line of the mistake rather than where YamlDotNet noticed it:
    /// a bracket left open is reported where it opened; a key without its colon (read as a plain scalar running on
    /// into the next line) where that scalar began; a tab where the tab is.
    /// </summary>
    private static ConfigProblem SyntaxProblem(string file, string text, TrackingScanner scanner, Mark start, Mark end, string message)
    {
        if (scanner.OpenFlow is { } open && open.Start.Line < start.Line)
        {
            var bracket = open is YamlDotNet.Core.Tokens.FlowSequenceStart ? '[' : '{';
            return Problem(file, open.Start, $"'{bracket}' opened here is never closed");
        }

        if (message.Contains("tab character", StringComparison.Ordinal))
        {
            return Problem(file, end, message);
        }

        if (message.Contains("multiline plain scalar", StringComparison.Ordinal) && scanner.LastToken is { } last)
        {
            var scalarStart = NextContent(text, (int)last.End.Index);
            return new ConfigProblem(file, scalarStart.Line, scalarStart.Column, "", $"{message} (is a ':' missing after the key?)");
        }

        return Problem(file, start, message);
    }

    /// <summary>The 1-based line and column of the first non-blank character at or after <paramref name="index"/>.</summary>
    private static SourcePosition NextContent(string text, int index)
    {
        while (index < text.Length && char.IsWhiteSpace(text[index])) index++;
        var line = 1 + text.AsSpan(0, index).Count('\n');
        var column = index - text.LastIndexOf('\n', Math.Max(0, index - 1)) ;
        return new SourcePosition(line, column);
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
