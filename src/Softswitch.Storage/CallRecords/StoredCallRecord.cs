namespace Softswitch.Storage.CallRecords;

/// <summary>One row of <c>calls</c>: a finished call (see the migration for what each column holds).</summary>
public sealed record StoredCallRecord
{
    /// <summary>Row id; 0 until stored.</summary>
    public long Id { get; init; }

    public required string CallUuid { get; init; }

    public required string CallId { get; init; }

    public required string Caller { get; init; }

    public string? CallerName { get; init; }

    public required string Dialled { get; init; }

    public string? Callee { get; init; }

    public required string SourceKind { get; init; }

    public required string Source { get; init; }

    public string? RouteTarget { get; init; }

    public string? RouteMatch { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? AnsweredAt { get; init; }

    public required DateTimeOffset EndedAt { get; init; }

    public required double DurationSeconds { get; init; }

    public required int BillableSeconds { get; init; }

    public required string HangupCause { get; init; }

    public int? SipStatus { get; init; }

    public required string HangupSide { get; init; }

    public StoredCallLeg? CallerLeg { get; init; }

    public StoredCallLeg? CalleeLeg { get; init; }

    /// <summary>Relative to the recordings folder, <c>/</c> separators; null when the call was not recorded.</summary>
    public string? RecordingPath { get; init; }

    /// <summary>What the call's application noted, as a JSON object of name → text; null when nothing.</summary>
    public string? ApplicationFields { get; init; }
}
