using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Dialogs;

/// <summary>
/// What identifies a dialog at our end (RFC 3261 §12): Call-ID, our tag and the peer's tag.
/// For a request the peer sends in the dialog, our tag is in To and theirs in From.
/// </summary>
public readonly record struct DialogId(string CallId, string LocalTag, string RemoteTag)
{
    /// <summary>The dialog an incoming in-dialog request (or ACK) names; null when To or From has no tag.</summary>
    public static DialogId? ForIncoming(SipRequest request)
    {
        var local = request.To.Tag;
        var remote = request.From.Tag;
        return local is null || remote is null ? null : new DialogId(request.CallId, local, remote);
    }

    public override string ToString() => $"{CallId};local={LocalTag};remote={RemoteTag}";
}
