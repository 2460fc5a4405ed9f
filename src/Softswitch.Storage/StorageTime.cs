using System.Globalization;

namespace Softswitch.Storage;

/// <summary>
/// Timestamps are stored as UTC ISO-8601 text with milliseconds: readable in the sqlite3 shell
/// and ordered correctly by plain text comparison, which the indexes rely on.
/// </summary>
public static class StorageTime
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>Formats a moment for storage.</summary>
    public static string ToText(DateTimeOffset value) =>
        value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>Reads a stored moment back.</summary>
    public static DateTimeOffset FromText(string text) =>
        DateTimeOffset.ParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
