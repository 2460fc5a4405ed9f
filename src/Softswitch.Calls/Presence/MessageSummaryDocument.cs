using System.Globalization;
using System.Text;

namespace Softswitch.Calls.Presence;

/// <summary>Writes the <c>application/simple-message-summary</c> body of a message-waiting NOTIFY (RFC 3842 §5).</summary>
public static class MessageSummaryDocument
{
    public const string ContentType = "application/simple-message-summary";

    /// <param name="account">The mailbox's AOR, e.g. <c>sip:1001@softswitch.local</c> (Message-Account, §5.2).</param>
    public static byte[] Write(string account, MessageSummary summary) => Encoding.UTF8.GetBytes(
        "Messages-Waiting: " + (summary.MessagesWaiting ? "yes" : "no") + "\r\n" +
        "Message-Account: " + account + "\r\n" +
        "Voice-Message: " + summary.New.ToString(CultureInfo.InvariantCulture) + "/" + summary.Old.ToString(CultureInfo.InvariantCulture) + "\r\n");
}
