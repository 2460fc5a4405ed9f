using System.Globalization;
using System.Security;
using System.Text;

namespace Softswitch.Calls.Presence;

/// <summary>
/// Writes the <c>application/dialog-info+xml</c> body of a NOTIFY (RFC 4235 §4): always full state (every dialog the
/// extension is in, plus the one that just ended), numbered by the subscription's <c>version</c>.
/// </summary>
public static class DialogInfoDocument
{
    public const string ContentType = "application/dialog-info+xml";

    /// <param name="entity">The watched extension's AOR, e.g. <c>sip:1001@softswitch.local</c>.</param>
    /// <param name="version">0 for a subscription's first NOTIFY, one more for each after (§4.1.1).</param>
    /// <param name="dialogs">The extension's dialogs.</param>
    public static byte[] Write(string entity, uint version, IReadOnlyList<DialogActivity> dialogs)
    {
        var xml = new StringBuilder(256 + dialogs.Count * 320);
        xml.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n")
            .Append("<dialog-info xmlns=\"urn:ietf:params:xml:ns:dialog-info\" version=\"")
            .Append(version.ToString(CultureInfo.InvariantCulture))
            .Append("\" state=\"full\" entity=\"").Append(Escape(entity)).Append("\">\r\n");
        foreach (var dialog in dialogs)
        {
            xml.Append(" <dialog id=\"").Append(Escape(dialog.CallId)).Append("\" call-id=\"").Append(Escape(dialog.CallId)).Append('"');
            if (dialog.LocalTag is { Length: > 0 } local) xml.Append(" local-tag=\"").Append(Escape(local)).Append('"');
            if (dialog.RemoteTag is { Length: > 0 } remote) xml.Append(" remote-tag=\"").Append(Escape(remote)).Append('"');
            xml.Append(" direction=\"").Append(dialog.Direction == DialogDirection.Initiator ? "initiator" : "recipient").Append("\">\r\n")
                .Append("  <state>").Append(StateName(dialog.State)).Append("</state>\r\n")
                .Append("  <local><identity>").Append(Escape(entity)).Append("</identity></local>\r\n")
                .Append("  <remote><identity");
            if (dialog.RemoteDisplayName is { Length: > 0 } display) xml.Append(" display=\"").Append(Escape(display)).Append('"');
            xml.Append('>').Append(Escape(dialog.RemoteUri)).Append("</identity>")
                .Append("<target uri=\"").Append(Escape(dialog.RemoteUri)).Append("\"/></remote>\r\n")
                .Append(" </dialog>\r\n");
        }

        xml.Append("</dialog-info>\r\n");
        return Encoding.UTF8.GetBytes(xml.ToString());
    }

    /// <summary>The state names of RFC 4235 §4.1.7.</summary>
    public static string StateName(DialogState state) => state switch
    {
        DialogState.Trying => "trying",
        DialogState.Proceeding => "proceeding",
        DialogState.Early => "early",
        DialogState.Confirmed => "confirmed",
        _ => "terminated",
    };

    private static string Escape(string text) => SecurityElement.Escape(text);
}
