namespace Softswitch.Channels;

/// <summary>How <see cref="ICallOriginator.OriginateAsync"/> ended.</summary>
/// <param name="Outcome">Answered, or why not.</param>
/// <param name="CallUuid">The originated call's uuid (its row's <c>call_uuid</c>); null when no call was placed.</param>
/// <param name="Party">Who answered (an extension or a number); null when nobody did.</param>
/// <param name="Ended">Completes when the originated call is over (released, its row written); completed when none was placed.</param>
public readonly record struct OriginateResult(OriginateOutcome Outcome, string? CallUuid, string? Party, Task Ended)
{
    public bool Answered => Outcome == OriginateOutcome.Answered;
}
