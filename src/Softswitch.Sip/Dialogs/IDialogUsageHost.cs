using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Dialogs;

/// <summary>
/// What a <see cref="DialogUsage"/> needs from the session that owns it. Every member is called under the session's
/// lock; the <c>Notify…</c> members return the owner's callback for the caller to run after releasing the lock.
/// </summary>
internal interface IDialogUsageHost
{
    /// <summary>The confirmed dialog; null before the calling side's 2xx.</summary>
    Dialog? Dialog { get; }

    /// <summary>Where in-dialog requests go unless the route set says otherwise.</summary>
    SipEndPoint Flow { get; }

    NameAddress LocalContact { get; }

    /// <summary>True for the calling side: it made the Call-ID, so it waits longer after a 491 (RFC 3261 §14.1).</summary>
    bool OwnsCallId { get; }

    /// <summary>The dialog is confirmed and not ending: requests may be sent and served in it.</summary>
    bool IsEstablished { get; }

    /// <summary>A status that refuses a new offer for the session's own reasons (not answered yet, ending), or null.</summary>
    int? RefuseOffer();

    /// <summary>Ends the session for <paramref name="cause"/> (BYE unless the dialog is gone) and returns the owner's callback.</summary>
    Action? End(SessionEndCause cause);

    Action NotifyReInvite(ReadOnlyMemory<byte> offer);

    Action NotifyInfo(string? contentType, ReadOnlyMemory<byte> body);

    Action NotifyRequest(InDialogRequest request);
}
