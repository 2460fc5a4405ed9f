namespace Softswitch.Cli;

/// <summary>The figures of <c>softswitch erlang</c> as typed; null when not given.</summary>
public sealed record ErlangInputs
{
    public string? CallsPerHour { get; init; }

    public string? AverageHandleTime { get; init; }

    /// <summary>PERCENT/SECONDS, e.g. 80/20; null for 80/20.</summary>
    public string? Target { get; init; }
}
