namespace Softswitch.Ivr.Flows;

/// <summary>Where a <see cref="TransferNode"/> sends the caller and where the flow goes on when that fails.</summary>
public sealed record TransferTarget
{
    /// <summary>The number to dial (may hold <c>${variables}</c>); null for a transfer to another flow.</summary>
    public string? Destination { get; init; }

    /// <summary>The flow to continue in; null for a number.</summary>
    public NodeReference? Flow { get; init; }

    public TimeSpan? RingTime { get; init; }

    public NodeReference? Busy { get; init; }

    public NodeReference? NoAnswer { get; init; }

    public NodeReference? Unavailable { get; init; }

    /// <summary>Where the caller goes after the answering party hung up; null hangs up.</summary>
    public NodeReference? Next { get; init; }
}
