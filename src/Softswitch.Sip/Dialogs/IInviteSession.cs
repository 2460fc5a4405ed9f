using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Dialogs;

/// <summary>
/// What both INVITE session kinds (<see cref="InviteServerSession"/>, <see cref="InviteClientSession"/>) offer once
/// a call is up, so a call leg can drive either through one API: in-dialog requests both ways (RFC 3261 §12.2,
/// §14; RFC 3311, 3515, 6086), session timers (RFC 4028) and hang-up. Thread-safe.
/// </summary>
public interface IInviteSession
{
    string CallId { get; }

    /// <summary>Our tag: To of the answering side, From of the calling side.</summary>
    string LocalTag { get; }

    /// <summary>The peer's tag; null while a calling session has no dialog yet.</summary>
    string? RemoteTag { get; }

    /// <summary>The dialog; null while a calling session has none. Guarded by the session: read it from owner callbacks.</summary>
    Dialog? Dialog { get; }

    /// <summary>Where requests in the dialog go unless a route set says otherwise (the INVITE's source, or where ours went).</summary>
    SipEndPoint Flow { get; }

    /// <summary>The dialog is confirmed (answered and ACKed) and not ending: requests can be sent in it.</summary>
    bool IsEstablished { get; }

    /// <summary>The session is over.</summary>
    bool IsTerminated { get; }

    /// <summary>Completes once the session is over, however it ended.</summary>
    Task Completion { get; }

    /// <summary>The negotiated session interval (RFC 4028), or null when no session timer runs.</summary>
    TimeSpan? SessionInterval { get; }

    /// <summary>
    /// Ends the call from our side (BYE once answered; before the answer, the answering side refuses with 480 and
    /// the calling side cancels). <paramref name="reason"/> is a Reason header value (RFC 3326) for the BYE.
    /// False when already ending.
    /// </summary>
    bool Hangup(string? reason = null);

    /// <summary>Answers the peer's pending re-INVITE 200 with <paramref name="sdpAnswer"/>, retransmitted until its ACK.</summary>
    bool AnswerReInvite(ReadOnlyMemory<byte> sdpAnswer);

    /// <summary>Refuses the peer's pending re-INVITE (488 by default); the session goes on as it was (§14.2).</summary>
    bool RejectReInvite(int statusCode = 488, string? reason = null);

    /// <summary>
    /// Sends INFO, REFER, NOTIFY, UPDATE, OPTIONS, MESSAGE or SUBSCRIBE in the dialog and completes with the final
    /// response (a 408 made locally when none came, 481 when the session is not established). An UPDATE with a
    /// body is an SDP offer: 491 without sending while another offer is under way. 408/481 to anything but
    /// REFER/NOTIFY/SUBSCRIBE/MESSAGE end the session (RFC 5057). INVITE, ACK, CANCEL, BYE and PRACK are refused
    /// (<see cref="ArgumentException"/>): they belong to <see cref="ReInviteAsync"/>, <see cref="Hangup"/> and the session.
    /// </summary>
    Task<SipResponse> SendRequestAsync(SipMethod method, string? contentType, ReadOnlyMemory<byte> body,
        IReadOnlyList<KeyValuePair<string, string>>? headers = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends a re-INVITE with <paramref name="sdpOffer"/> (not empty), ACKs its 2xx and returns the answer, or the
    /// status that refused it (the session goes on, except after 408/481). 491 is retried after the §14.1 wait.
    /// Returns 491 at once while the peer's offer is unanswered, 481 when the session is not established.
    /// </summary>
    Task<ReInviteOutcome> ReInviteAsync(ReadOnlyMemory<byte> sdpOffer, CancellationToken cancellationToken = default);
}
