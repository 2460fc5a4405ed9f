using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Softswitch.Calls.Features;

/// <summary>One meet-me room per route number, made on first use and kept across configuration reloads.</summary>
public sealed class MeetMeRooms(ILoggerFactory loggers)
{
    private readonly ConcurrentDictionary<string, MeetMeFeature> _rooms = new(StringComparer.Ordinal);

    public MeetMeFeature For(string routeMatch) =>
        _rooms.GetOrAdd(routeMatch, _ => new MeetMeFeature(new MeetMeRoom(), loggers.CreateLogger<MeetMeFeature>()));
}
