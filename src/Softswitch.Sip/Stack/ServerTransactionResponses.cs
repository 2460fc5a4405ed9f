using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;

namespace Softswitch.Sip.Stack;

/// <summary>The one way the TU answers a request: build the response from the request and send it in its transaction.</summary>
public static class ServerTransactionResponses
{
    /// <summary>
    /// Builds and sends a response: headers copied per §8.2.6, top Via stamped with received/rport,
    /// a To tag when given. Returns false when the transaction already had its final response.
    /// </summary>
    public static bool Respond(this ServerTransaction transaction, int statusCode, string? reason = null, string? toTag = null,
        IReadOnlyList<KeyValuePair<string, string>>? headers = null)
    {
        var builder = SipResponseBuilder.For(transaction.Request, statusCode, reason).WithReceivedFrom(transaction.Source.Address);
        if (toTag is not null) builder.WithToTag(toTag);
        if (headers is not null)
        {
            foreach (var (name, value) in headers) builder.AddHeader(name, value);
        }

        builder.AddHeader("Server", SipServer.Name);
        return transaction.SendResponse(statusCode, builder.ToBytes());
    }
}
