using System.Globalization;
using System.Text;

namespace Softswitch.Media.Sdp;

/// <summary>
/// Writes a <see cref="SessionDescription"/> with CRLF line ends in the order RFC 8866 §5 prescribes:
/// v o s i u e p c b t r z k a, then per media section m i c b k a.
/// </summary>
public static class SdpWriter
{
    /// <summary>The body as UTF-8 bytes.</summary>
    public static byte[] Write(SessionDescription description) => Encoding.UTF8.GetBytes(WriteToString(description));

    /// <summary>The body as text.</summary>
    public static string WriteToString(SessionDescription description)
    {
        var text = new StringBuilder(512);
        Line(text, 'v', "0");
        Line(text, 'o', description.Origin.ToString());
        Line(text, 's', description.SessionName);
        OptionalLine(text, 'i', description.Information);
        OptionalLine(text, 'u', description.Uri);
        foreach (var email in description.Emails)
        {
            Line(text, 'e', email);
        }
        foreach (var phone in description.Phones)
        {
            Line(text, 'p', phone);
        }
        if (description.Connection is { } connection)
        {
            Line(text, 'c', connection.ToString());
        }
        foreach (var bandwidth in description.Bandwidths)
        {
            Line(text, 'b', bandwidth.ToString());
        }
        if (description.Timings.Count == 0)
        {
            // t= is mandatory; telephony means "unbounded".
            Line(text, 't', "0 0");
        }
        foreach (var timing in description.Timings)
        {
            Line(text, 't', timing.ToString());
            foreach (var repeat in timing.RepeatTimes)
            {
                Line(text, 'r', repeat);
            }
        }
        OptionalLine(text, 'z', description.TimeZones);
        OptionalLine(text, 'k', description.EncryptionKey);
        foreach (var attribute in description.Attributes)
        {
            Line(text, 'a', attribute.ToString());
        }
        foreach (var media in description.Media)
        {
            WriteMedia(text, media);
        }
        return text.ToString();
    }

    private static void WriteMedia(StringBuilder text, MediaDescription media)
    {
        text.Append("m=").Append(media.Media).Append(' ').Append(media.Port.ToString(CultureInfo.InvariantCulture));
        if (media.PortCount is { } count)
        {
            text.Append('/').Append(count.ToString(CultureInfo.InvariantCulture));
        }
        text.Append(' ').Append(media.Protocol);
        foreach (var format in media.Formats)
        {
            text.Append(' ').Append(format);
        }
        text.Append("\r\n");
        OptionalLine(text, 'i', media.Title);
        foreach (var connection in media.Connections)
        {
            Line(text, 'c', connection.ToString());
        }
        foreach (var bandwidth in media.Bandwidths)
        {
            Line(text, 'b', bandwidth.ToString());
        }
        OptionalLine(text, 'k', media.EncryptionKey);
        foreach (var attribute in media.Attributes)
        {
            Line(text, 'a', attribute.ToString());
        }
    }

    private static void OptionalLine(StringBuilder text, char type, string? value)
    {
        if (value is not null)
        {
            Line(text, type, value);
        }
    }

    private static void Line(StringBuilder text, char type, string value) =>
        text.Append(type).Append('=').Append(value).Append("\r\n");
}
