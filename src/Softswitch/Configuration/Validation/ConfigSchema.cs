using System.Collections;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Softswitch.Configuration.Validation;

/// <summary>
/// The shape of the options model, read by reflection: which keys exist, which are lists, and
/// which leaf type each value must convert to. Used to report unknown keys and bad values
/// before binding (the binder would silently ignore the first and throw on the second).
/// </summary>
public sealed class ConfigSchema
{
    private readonly Dictionary<string, ConfigSchema>? _children;

    private ConfigSchema(SchemaKind kind, Type type, Dictionary<string, ConfigSchema>? children, ConfigSchema? element)
    {
        Kind = kind;
        Type = type;
        _children = children;
        Element = element;
    }

    /// <summary>What kind of node this is.</summary>
    public SchemaKind Kind { get; }

    /// <summary>The CLR type bound at this node.</summary>
    public Type Type { get; }

    /// <summary>For lists, the schema of each item.</summary>
    public ConfigSchema? Element { get; }

    /// <summary>For sections, the key names it accepts.</summary>
    public IEnumerable<string> ChildNames => _children?.Keys ?? Enumerable.Empty<string>();

    /// <summary>Reads the schema of <paramref name="type"/>.</summary>
    public static ConfigSchema For(Type type)
    {
        var leaf = Nullable.GetUnderlyingType(type) ?? type;
        if (leaf == typeof(string) || leaf.IsPrimitive || leaf.IsEnum || leaf == typeof(decimal) || leaf == typeof(TimeSpan))
        {
            return new ConfigSchema(SchemaKind.Value, leaf, null, null);
        }

        if (type.IsArray)
        {
            return new ConfigSchema(SchemaKind.List, type, null, For(type.GetElementType()!));
        }

        if (type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type))
        {
            return new ConfigSchema(SchemaKind.List, type, null, For(type.GetGenericArguments()[0]));
        }

        var children = new Dictionary<string, ConfigSchema>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is not { IsPublic: true })
            {
                continue; // computed properties are not configuration keys
            }

            var name = property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? property.Name.ToLowerInvariant();
            children[name] = For(property.PropertyType);
        }

        return new ConfigSchema(SchemaKind.Section, type, children, null);
    }

    /// <summary>The schema of a named child of a section.</summary>
    public bool TryGetChild(string name, out ConfigSchema child)
    {
        if (_children is not null && _children.TryGetValue(name, out child!))
        {
            return true;
        }

        child = null!;
        return false;
    }

    /// <summary>The accepted name closest to <paramref name="name"/>, for "did you mean" hints.</summary>
    public string? Suggest(string name)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in ChildNames)
        {
            var distance = EditDistance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        // Only suggest when the typo is small compared to the word.
        return bestDistance <= Math.Max(1, name.Length / 3) ? best : null;
    }

    // Optimal string alignment distance: insertions, deletions, substitutions and swaps of
    // neighbours ("prot" for "port") each count as one edit. Keys are short, so a full matrix is fine.
    private static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
