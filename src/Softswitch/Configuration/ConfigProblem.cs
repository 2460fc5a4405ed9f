namespace Softswitch.Configuration;

/// <summary>
/// One thing wrong (or worth a warning) in the configuration, with where it came from: a file
/// position, or an environment variable / command-line argument (then Line and Column are 0).
/// </summary>
/// <param name="File">The file as the admin typed it, or a description such as "environment variable SOFTSWITCH_sip__port".</param>
/// <param name="Line">1-based line, 0 when the value did not come from a file.</param>
/// <param name="Column">1-based column, 0 when the value did not come from a file.</param>
/// <param name="Key">The key in dotted form, e.g. <c>sip.port</c> or <c>extensions[2].number</c>; empty for file-level problems.</param>
/// <param name="Message">What is wrong, in words an admin understands.</param>
public sealed record ConfigProblem(string File, int Line, int Column, string Key, string Message)
{
    /// <summary>Renders <c>file:line:column: key: message</c> (the compiler-style form editors can jump to).</summary>
    public override string ToString() => Format(null);

    /// <summary>Like <see cref="ToString"/> with a label after the position, e.g. <c>file:3:5: warning: key: message</c>.</summary>
    public string Format(string? label)
    {
        var where = Line > 0 ? $"{File}:{Line}:{Column}" : File;
        var prefix = label is null ? where : $"{where}: {label}";
        return Key.Length == 0 ? $"{prefix}: {Message}" : $"{prefix}: {Key}: {Message}";
    }
}
