using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;

namespace Softswitch.Sip.Dialogs;

/// <summary>
/// A request the peer sent in a session's dialog that the session leaves to its owner (REFER, NOTIFY, an UPDATE
/// carrying an SDP offer, SUBSCRIBE, MESSAGE, unknown methods). The owner answers it once with <see cref="Respond"/>,
/// from its own mailbox; an owner that does not care calls <see cref="RespondByDefault"/>. Until answered the
/// peer's transaction retransmits and finally times out, so every request must get an answer.
/// </summary>
public sealed class InDialogRequest
{
    private readonly DialogUsage _usage;
    private int _answered;

    internal InDialogRequest(DialogUsage usage, ServerTransaction transaction)
    {
        _usage = usage;
        Transaction = transaction;
    }

    public SipRequest Request => Transaction.Request;

    public SipMethod Method => Transaction.Request.Method;

    /// <summary>The method as sent (for <see cref="SipMethod.Unknown"/>, its own name).</summary>
    public string MethodName => Transaction.Request.MethodName;

    public string? ContentType => Transaction.Request.ContentType;

    public ReadOnlyMemory<byte> Body => Transaction.Request.Body;

    /// <summary>True once a final response went out.</summary>
    public bool IsAnswered => Volatile.Read(ref _answered) != 0;

    internal ServerTransaction Transaction { get; }

    /// <summary>
    /// Sends the final response: our To tag, Server, Allow on 2xx/405, Contact on a 2xx to UPDATE (a target refresh,
    /// RFC 3311 §5.2) or REFER, and <paramref name="body"/> typed <paramref name="contentType"/> (an UPDATE's SDP
    /// answer is <c>application/sdp</c>). A 2xx to an UPDATE also restarts the session timer (RFC 4028 §9).
    /// False when already answered.
    /// </summary>
    public bool Respond(int statusCode, string? reason = null, IReadOnlyList<KeyValuePair<string, string>>? headers = null,
        string? contentType = null, ReadOnlyMemory<byte> body = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 200);
        if (Interlocked.Exchange(ref _answered, 1) != 0) return false;
        return _usage.Respond(this, statusCode, reason, headers, contentType, body);
    }

    /// <summary>
    /// What the session answers when the owner takes no part:
    /// REFER → 603 Decline (RFC 3515 §2.4.2: the transfer is refused, the call goes on);
    /// NOTIFY with <c>Event: refer</c> → 200 (progress of a transfer we asked for, RFC 3515 §2.4.4), any other
    /// NOTIFY → 481 (no such subscription, RFC 6665 §4.1.3; RFC 5057 §5.2: it ends only that usage, not the call);
    /// UPDATE with an offer → 488 (RFC 3311 §5.2: the session stays as it was);
    /// an unknown method → 501, any other → 405 with Allow (RFC 3261 §8.2.1).
    /// </summary>
    public bool RespondByDefault()
    {
        var status = Method switch
        {
            SipMethod.Refer => 603,
            SipMethod.Notify when IsReferEvent(Request.GetFirstHeaderValue("Event")) => 200,
            SipMethod.Notify => 481,
            SipMethod.Update => 488,
            SipMethod.Unknown => 501,
            _ => 405,
        };
        return Respond(status);
    }

    public override string ToString() => $"InDialogRequest({MethodName} {Request.CSeq})";

    private static bool IsReferEvent(string? value)
    {
        if (value is null) return false;
        var end = value.IndexOf(';', StringComparison.Ordinal);
        return (end < 0 ? value : value[..end]).Trim().Equals("refer", StringComparison.OrdinalIgnoreCase);
    }
}
