namespace Softswitch.Sip.Security;

/// <summary>
/// Hears each ban start and end once (the host records them). Called from socket, worker or timer threads, never
/// under the guard's lock; an implementation queues the work and returns at once.
/// </summary>
public interface ISourceBanObserver
{
    /// <summary>An address was banned.</summary>
    void OnBanned(SourceBan ban);

    /// <summary>A ban ended at <paramref name="endedAt"/>.</summary>
    void OnBanEnded(SourceBan ban, SourceBanEnd end, DateTimeOffset endedAt);
}
