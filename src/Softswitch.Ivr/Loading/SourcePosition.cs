namespace Softswitch.Ivr.Loading;

/// <summary>Where something is in a flow or calendar file (1-based line and column, as editors count).</summary>
public readonly record struct SourcePosition(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
