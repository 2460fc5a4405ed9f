namespace Softswitch.Calls.Bridging;

/// <summary>
/// What reaches a call's mailbox: SIP session events of any of its legs, its timers and commands from outside
/// (the watchdog, the shutdown drain). The call's loop handles them one at a time, in order.
/// </summary>
public abstract record CallEvent;

/// <summary>A callee answered 180/183; <paramref name="Sdp"/> is non-empty for early media.</summary>
public sealed record LegProvisional(CalleeLeg Leg, int StatusCode, ReadOnlyMemory<byte> Sdp) : CallEvent;

/// <summary>A callee answered 2xx with its SDP answer (the ACK is already sent).</summary>
public sealed record LegAnswered(CalleeLeg Leg, ReadOnlyMemory<byte> Sdp) : CallEvent;

/// <summary>A callee's INVITE ended without an answer: 3xx-6xx, 408 on timeout, 487 when we cancelled.</summary>
public sealed record LegFailed(CalleeLeg Leg, int StatusCode, string Reason) : CallEvent;

/// <summary>A leg is over after it was set up: BYE from the peer, CANCEL from the caller, no ACK, a transport failure.</summary>
public sealed record LegEnded(CallLeg Leg, LegEnding Why) : CallEvent;

/// <summary>The caller's ACK for our 2xx arrived; <paramref name="Sdp"/> carries the answer to a late offer.</summary>
public sealed record LegAcknowledged(CallerLeg Leg, ReadOnlyMemory<byte> Sdp) : CallEvent;

/// <summary>A re-INVITE from a leg's peer (hold, resume, a move of its media); empty for an offerless one.</summary>
public sealed record LegReInvite(CallLeg Leg, ReadOnlyMemory<byte> Offer) : CallEvent;

/// <summary>An INFO from a leg's peer (digits by <c>application/dtmf-relay</c>); already answered 200.</summary>
public sealed record LegInfo(CallLeg Leg, string? ContentType, ReadOnlyMemory<byte> Body) : CallEvent;

/// <summary>Another request in a leg's dialog (REFER, NOTIFY, UPDATE with an offer...): it must be answered exactly once.</summary>
public sealed record LegRequest(CallLeg Leg, Softswitch.Sip.Dialogs.InDialogRequest Request) : CallEvent;

/// <summary>The callees rang for the ring time without an answer.</summary>
public sealed record RingTimedOut(int Step) : CallEvent;

/// <summary>A phone dialled the pickup code for this ringing call: its INVITE, not yet answered, and its extension.</summary>
public sealed record PickupRequested(Softswitch.Sip.Transactions.ServerTransaction Invite, string Extension) : CallEvent;

/// <summary>End the call from the switch (watchdog, shutdown, an API) with this cause and optional RFC 3326 Reason.</summary>
public sealed record HangupRequested(string Cause, string? ReasonHeader) : CallEvent;

/// <summary>
/// Attended transfer (RFC 3891 via REFER): <paramref name="Requester"/> asks the call owning <paramref name="Replaced"/>
/// for the other party of that dialog; answered by <see cref="LegHandedOver"/> or <see cref="HandOverRefused"/>.
/// </summary>
public sealed record HandOverRequested(Softswitch.Sip.Dialogs.IInviteSession Replaced, BridgedCall Requester, int Step) : CallEvent;

/// <summary>
/// The leg another call handed over: its events reach this call from now on, its media and ports are ours, and so is
/// the trunk call slot it holds (<paramref name="TrunkSlot"/>, null for a phone of ours).
/// </summary>
public sealed record LegHandedOver(CallLeg Leg, int Step, Softswitch.Calls.Trunks.TrunkState? TrunkSlot = null) : CallEvent;

/// <summary>The call asked for a hand-over cannot give the leg (the dialog is gone, not answered, busy transferring).</summary>
public sealed record HandOverRefused(int StatusCode, string Reason, int Step) : CallEvent;

/// <summary>
/// RFC 3891: an INVITE from <paramref name="Extension"/> with a Replaces header naming <paramref name="Replaced"/>, a
/// party's dialog of this call: the new INVITE takes that party's place. <paramref name="Trunk"/> names the carrier the
/// INVITE came from (then <paramref name="Extension"/> is its caller ID); a carrier may replace only its own dialogs.
/// </summary>
public sealed record ReplaceRequested(Softswitch.Sip.Transactions.ServerTransaction Invite, string Extension,
    Softswitch.Sip.Dialogs.IInviteSession Replaced, string? Trunk = null) : CallEvent;

/// <summary>How a set-up leg ended.</summary>
public enum LegEnding
{
    /// <summary>The peer sent BYE.</summary>
    PeerHungUp,

    /// <summary>The caller cancelled before the answer (487 sent).</summary>
    Cancelled,

    /// <summary>Our hang-up finished.</summary>
    WeHungUp,

    /// <summary>No ACK for our 2xx, the transport failed, or the dialog was lost (408/481 to a request in it).</summary>
    Failed,

    /// <summary>The session timer ran out without a refresh (RFC 4028): BYE with a Reason went out.</summary>
    SessionTimerExpired,
}

/// <summary>The route's ringing time before the switch answers the caller itself (an application's call) is over.</summary>
public sealed record AnswerDue : CallEvent;

/// <summary>The call's application asks to connect the caller to a destination; <paramref name="Done"/> tells how it ended.</summary>
public sealed record BridgeRequested(Softswitch.Channels.BridgeRequest Request, TaskCompletionSource<Softswitch.Channels.BridgeResult> Done) : CallEvent;

/// <summary>The originator of a call the switch placed gave up before the answer.</summary>
public sealed record OriginateCancelled : CallEvent;
