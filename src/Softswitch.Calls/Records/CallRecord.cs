namespace Softswitch.Calls.Records;

/// <summary>
/// One finished call as the <c>calls</c> table keeps it: who called whom from where, which route took it, when it
/// started, was answered and ended, why and by whom it ended, and each leg's media. Built once when the call is released
/// and handed to <see cref="ICallRecordSink.Add"/>. Times are UTC.
/// </summary>
public sealed record CallRecord
{
    /// <summary>The switch's UUIDv7 for the call (also in its recording's file name); unique where Call-IDs are not.</summary>
    public required string CallUuid { get; init; }

    /// <summary>The caller leg's SIP Call-ID, as the caller sent it.</summary>
    public required string CallId { get; init; }

    /// <summary>Who called: the extension number, or the caller-ID user a trunk sent.</summary>
    public required string Caller { get; init; }

    /// <summary>The caller's display name, when one was given.</summary>
    public string? CallerName { get; init; }

    /// <summary>What was dialled (the Request-URI user).</summary>
    public required string Dialled { get; init; }

    /// <summary>Who answered: an extension number, a trunk name or a feature (<c>echo</c>, <c>music</c>, <c>meet_me</c>); null when nobody did.</summary>
    public string? Callee { get; init; }

    /// <summary>What kind of source placed the call: <see cref="CallSourceKinds"/>.</summary>
    public required string SourceKind { get; init; }

    /// <summary>The source itself: the extension number, the trunk name, or the address for an unknown source.</summary>
    public required string Source { get; init; }

    /// <summary>The route's target kind (<c>extension</c>, <c>echo</c>, <c>music</c>, <c>meet_me</c>, <c>trunk</c>, <c>ring_group</c> ...); null when no route matched.</summary>
    public string? RouteTarget { get; init; }

    /// <summary>The dial plan pattern that matched; null when none did.</summary>
    public string? RouteMatch { get; init; }

    /// <summary>When the INVITE was taken.</summary>
    public required DateTimeOffset Started { get; init; }

    /// <summary>When the call was answered (our or the callee's 2xx); null when it never was.</summary>
    public DateTimeOffset? Answered { get; init; }

    /// <summary>When the call ended (BYE, CANCEL, final failure).</summary>
    public required DateTimeOffset Ended { get; init; }

    /// <summary>A short word for why the call ended: <see cref="HangupCauses"/>.</summary>
    public required string HangupCause { get; init; }

    /// <summary>The final SIP status of an unanswered call (486, 480, 487 ...); null for an answered one.</summary>
    public int? SipStatus { get; init; }

    /// <summary>Which side ended the call: <see cref="HangupSides"/>.</summary>
    public required string HangupSide { get; init; }

    /// <summary>The caller's leg media; null when media never started.</summary>
    public CallLegRecord? CallerLeg { get; init; }

    /// <summary>The callee's leg media (a B-leg the switch dialled); null for calls the switch answered itself.</summary>
    public CallLegRecord? CalleeLeg { get; init; }

    /// <summary>The recording, relative to <c>storage.recordings</c> with <c>/</c> separators, as <c>recordings.path</c> stores it; null when not recorded.</summary>
    public string? RecordingPath { get; init; }

    /// <summary>
    /// What the call's application noted (an IVR flow's path, keys and final variables), by name; null when no
    /// application ran or it noted nothing.
    /// </summary>
    public IReadOnlyDictionary<string, string>? ApplicationFields { get; init; }

    /// <summary>Seconds from <see cref="Started"/> to <see cref="Ended"/> (never negative).</summary>
    public double DurationSeconds => Math.Max(0, (Ended - Started).TotalSeconds);

    /// <summary>Whole seconds from <see cref="Answered"/> to <see cref="Ended"/>, rounded up; 0 when unanswered.</summary>
    public int BillableSeconds => Answered is { } answered && Ended > answered
        ? (int)Math.Ceiling((Ended - answered).Ticks / (double)TimeSpan.TicksPerSecond)
        : 0;
}
