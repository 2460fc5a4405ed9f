using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Transactions;

/// <summary>
/// RFC 3261 §8.2.2.2: an out-of-dialog request (no To tag) is the same request as another when From tag,
/// Call-ID and CSeq match; arriving under a different branch it was forked back to us and gets 482.
/// </summary>
internal readonly record struct MergeKey(string FromTag, string CallId, uint CSeq, string Method)
{
    public static MergeKey? For(SipRequest request)
    {
        if (request.Method == SipMethod.Ack || request.To?.Tag is not null) return null;
        var fromTag = request.From?.Tag;
        return fromTag is null ? null : new MergeKey(fromTag, request.CallId, request.CSeq.Number, request.MethodName);
    }
}
