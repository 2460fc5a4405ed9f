namespace Softswitch.Configuration;

/// <summary>A 1-based line and column in a configuration file.</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    /// <summary>True when the position points into a file (line and column are 1-based).</summary>
    public bool IsKnown => Line > 0;

    /// <inheritdoc/>
    public override string ToString() => $"{Line}:{Column}";
}
