using Microsoft.Extensions.Logging;

namespace Softswitch.Calls.Tests.Support;

/// <summary>One captured log entry: level, rendered text (for failure messages) and its structured properties.</summary>
internal sealed record CapturedLogEntry(LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Properties)
{
    public string? this[string property] => Properties.TryGetValue(property, out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;
}
