namespace Softswitch.Interop.Tests.Support;

/// <summary>Counting in the switch's output, for what must be logged once (a ban, a rate-limited address), not per packet.</summary>
public static class TextCount
{
    public static int Occurrences(string text, string what) =>
        (text.Length - text.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;
}
