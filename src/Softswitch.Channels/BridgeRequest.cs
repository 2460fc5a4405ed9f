namespace Softswitch.Channels;

/// <summary>Whom <see cref="ICallChannel.BridgeAsync"/> dials and how.</summary>
public sealed record BridgeRequest
{
    /// <summary>A number as the caller could dial it: an extension, a ring group, a route's number.</summary>
    public required string Destination { get; init; }

    /// <summary>
    /// More numbers rung at the same time as <see cref="Destination"/> (a queue's ring-all): every phone of all of them
    /// rings at once, the first to answer is connected (<see cref="Answered"/> and <see cref="BridgeResult.Party"/> say
    /// which) and the others are cancelled. Their forwards do not apply.
    /// </summary>
    public IReadOnlyList<string> AlsoRing { get; init; } = [];

    /// <summary>How long to ring before giving up; null for the destination's own ring time.</summary>
    public TimeSpan? RingTime { get; init; }

    /// <summary>What the caller hears while it rings: ringback (null) or this music class (a queue keeps its music).</summary>
    public string? MusicWhileRinging { get; init; }

    /// <summary>
    /// The caller keeps hearing what the application plays (music, announcements) while the destination rings, instead
    /// of ringback or <see cref="MusicWhileRinging"/>; the application may go on calling <see cref="ICallChannel.PlayAsync"/>
    /// and <see cref="ICallChannel.StartMusic"/> from another task meanwhile. The moment the destination answers, the
    /// application's audio stops (a prompt in progress ends as <see cref="PlayOutcome.Finished"/>), and until the
    /// conversation is over nothing the application plays is heard.
    /// </summary>
    public bool KeepApplicationAudio { get; init; }

    /// <summary>Record the conversation (both sides, stereo) into the call's recording.</summary>
    public bool Record { get; init; }

    /// <summary>
    /// With <see cref="Record"/>: the party dialled is the one the call is for (a callback's customer, the switch having
    /// dialled the agent first), so it goes on the recording's left channel and this call's own leg on the right, as an
    /// inbound queue call has the caller left and the agent right.
    /// </summary>
    public bool RecordPartyOnLeft { get; init; }

    /// <summary>
    /// Called once when the destination answers and the caller is connected, before the conversation (a queue tells its
    /// ACD the agent took the call), with who answered. It runs on the call's loop: keep it quick (post, never wait).
    /// </summary>
    public Action<string>? Answered { get; init; }

    /// <summary>
    /// Called when the party who answered hands the caller on (a blind or attended transfer, or an INVITE with Replaces
    /// taking its place), with the new party; the bridge goes on with that party and returns when that conversation ends.
    /// A queue ends its agent's part here. Runs on the call's loop, like <see cref="Answered"/>.
    /// </summary>
    public Action<string>? Transferred { get; init; }
}
