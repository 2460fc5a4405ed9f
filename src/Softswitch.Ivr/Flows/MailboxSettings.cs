namespace Softswitch.Ivr.Flows;

/// <summary>What a <see cref="MailboxNode"/> does and where it goes.</summary>
public sealed record MailboxSettings
{
    public required MailboxOperation Operation { get; init; }

    /// <summary><c>open</c>: the box (may hold <c>${variables}</c>; default the caller's own number).</summary>
    public string Box { get; init; } = "${caller}";

    /// <summary><c>open</c>: the PIN the caller keyed (usually <c>${pin}</c> from a collect).</summary>
    public string Pin { get; init; } = "";

    /// <summary><c>open</c>: the zone <c>message_date</c> and <c>message_time</c> are given in.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    public NodeReference? Next { get; init; }

    /// <summary><c>open</c>: the box did not open; without it the call ends.</summary>
    public NodeReference? OnFailure { get; init; }

    /// <summary>No (more) message to play, save or delete; without it, <see cref="Next"/>.</summary>
    public NodeReference? OnEmpty { get; init; }
}
