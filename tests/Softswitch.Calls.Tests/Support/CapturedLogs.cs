using Microsoft.Extensions.Logging;

namespace Softswitch.Calls.Tests.Support;

/// <summary>
/// A logger factory that keeps every entry with its structured properties (the named holes of a
/// <c>[LoggerMessage]</c> template), so tests assert on what a line carries rather than on its wording.
/// </summary>
internal sealed class CapturedLogs : ILoggerFactory, ILogger
{
    private readonly List<CapturedLogEntry> _entries = [];

    public IReadOnlyList<CapturedLogEntry> Entries
    {
        get
        {
            lock (_entries) return [.. _entries];
        }
    }

    /// <summary>Entries that carry <paramref name="property"/>.</summary>
    public IReadOnlyList<CapturedLogEntry> With(string property) => Entries.Where(e => e.Properties.ContainsKey(property)).ToList();

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            foreach (var (key, value) in pairs) properties[key] = value;
        }

        lock (_entries) _entries.Add(new CapturedLogEntry(logLevel, formatter(state, exception), properties));
    }

    public void Dispose()
    {
    }
}
