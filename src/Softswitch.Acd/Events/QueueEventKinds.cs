using System.Collections.Frozen;

namespace Softswitch.Acd.Events;

/// <summary>The stored names of <see cref="QueueEventKind"/>: snake_case, e.g. <c>ring_no_answer</c>, <c>complete_by_agent</c>.</summary>
public static class QueueEventKinds
{
    private static readonly string[] Names = Enum.GetValues<QueueEventKind>().Select(SnakeCaseNames.Of).ToArray();

    private static readonly FrozenDictionary<string, QueueEventKind> ByName =
        Enum.GetValues<QueueEventKind>().ToFrozenDictionary(kind => Names[(int)kind], StringComparer.Ordinal);

    /// <summary>The kind's stored name (no allocation: the names are made once).</summary>
    public static string ToText(QueueEventKind kind) => Names[(int)kind];

    /// <summary>Reads a stored name back; false for a name this version does not know.</summary>
    public static bool TryParse(string? text, out QueueEventKind kind) => ByName.TryGetValue(text ?? "", out kind);
}
