namespace Softswitch.Configuration.Validation;

/// <summary>Kinds of node in a <see cref="ConfigSchema"/>.</summary>
public enum SchemaKind
{
    /// <summary>A single value (string, number, boolean).</summary>
    Value,

    /// <summary>A mapping of named keys.</summary>
    Section,

    /// <summary>A sequence of items indexed 0, 1, 2…</summary>
    List,
}
