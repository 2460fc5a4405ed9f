using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Transactions;

/// <summary>
/// What identifies a transaction. Server side (RFC 3261 §17.2.3): top Via branch + sent-by + method,
/// with ACK matching INVITE. Client side (§17.1.3): branch + CSeq method (sent-by is ours, left empty).
/// Requests from RFC 2543 peers (branch without the z9hG4bK cookie) key on Call-ID, From tag and CSeq instead.
/// </summary>
public readonly record struct TransactionKey(string Branch, string SentBy, string Method)
{
    public const string MagicCookie = "z9hG4bK";

    public static TransactionKey ForServer(SipRequest request)
    {
        var via = request.TopVia;
        var method = request.Method == SipMethod.Ack ? "INVITE" : request.MethodName;
        var sentBy = via is null ? "" : via.Port is { } port ? $"{via.Host}:{port}" : via.Host;
        var branch = via?.Branch;
        if (branch is null || !branch.StartsWith(MagicCookie, StringComparison.Ordinal))
        {
            // §17.2.3 fallback for RFC 2543 peers; ACK carries the same CSeq number as its INVITE.
            branch = $"2543|{request.CallId}|{request.From?.Tag}|{request.CSeq.Number}|{branch}";
        }

        return new TransactionKey(branch, sentBy, method);
    }

    public static TransactionKey ForClient(string branch, string method) => new(branch, "", method);

    public static TransactionKey? ForResponse(SipResponse response)
    {
        var branch = response.TopVia?.Branch;
        return branch is null ? null : ForClient(branch, response.CSeq.MethodName);
    }
}
