namespace Softswitch.Sip.Dialogs;

/// <summary>
/// How a re-INVITE we sent ended (RFC 3261 §14.1): a 2xx with the peer's <see cref="Sdp"/> answer (already ACKed),
/// or the final status that refused it; a refused re-INVITE leaves the session as it was, except that 408 and 481
/// (or no answer at all) end it (§12.2.1.2, RFC 5057). 491 is what is left after the §14.1 retries.
/// </summary>
public readonly record struct ReInviteOutcome(int StatusCode, string Reason, ReadOnlyMemory<byte> Sdp)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;
}
