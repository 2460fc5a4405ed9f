using Softswitch.Calls.Legs;
using Softswitch.Configuration.Options;

namespace Softswitch.Hosting;

/// <summary>
/// How long a stop may take: the calls' grace period, then the hang-ups (<see cref="CallDrain.HangupWait"/>), then the
/// writers' flush. The host's own shutdown timeout must cover all of it, or it would cut the drain short.
/// </summary>
internal static class ShutdownTimeouts
{
    /// <summary>Flushing the database writers and closing the log after the drain.</summary>
    private static readonly TimeSpan Flush = TimeSpan.FromSeconds(10);

    public static TimeSpan Grace(LimitsOptions limits) => TimeSpan.FromSeconds(limits.ShutdownGraceSeconds);

    /// <summary>The generic host's <c>HostOptions.ShutdownTimeout</c>.</summary>
    public static TimeSpan Host(LimitsOptions limits) => Grace(limits) + CallDrain.HangupWait + Flush;
}
