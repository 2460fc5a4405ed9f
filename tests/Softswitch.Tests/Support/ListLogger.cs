using Microsoft.Extensions.Logging;

namespace Softswitch.Tests.Support;

/// <summary>Keeps formatted log messages so tests can assert what was logged.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    private readonly List<(LogLevel Level, string Message)> _entries = [];

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_entries)
            {
                return _entries.Where(e => e.Level >= LogLevel.Error).Select(e => e.Message).ToList();
            }
        }
    }

    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (_entries)
            {
                return _entries.Select(e => e.Message).ToList();
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_entries)
        {
            _entries.Add((logLevel, formatter(state, exception)));
        }
    }
}
