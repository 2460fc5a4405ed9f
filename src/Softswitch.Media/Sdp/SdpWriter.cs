using System.Globalization;
using System.Text;

namespace Softswitch.Media.Sdp;

/// <summary>
/// Writes a <see cref="SessionDescription"/> with CRLF line ends in the order RFC 8866 §5 prescribes:
/// v o s i u e p c b t r z k a, then per media section m i c b k a.
/// Every call set-up writes a few descriptions (and <see cref="OfferAnswerSession"/> writes each once more to compare
/// versions): the text is built in a builder kept per thread, and the o=, c= and a= lines are appended field by field,
/// so a description costs its result (bytes or string) and nothing else.
/// </summary>
public static class SdpWriter
{
    /// <summary>Descriptions are rarely longer; a builder that grew past this (a huge offer) is not kept.</summary>
    private const int KeptCapacity = 4096;

    [ThreadStatic]
    private static StringBuilder? t_text;

    /// <summary>The body as UTF-8 bytes.</summary>
    public static byte[] Write(SessionDescription description)
    {
        var text = Render(description);
        try
        {
            var length = 0;
            foreach (var chunk in text.GetChunks()) length += Encoding.UTF8.GetByteCount(chunk.Span);
            var body = new byte[length];
            var written = 0;
            foreach (var chunk in text.GetChunks()) written += Encoding.UTF8.GetBytes(chunk.Span, body.AsSpan(written));
            return body;
        }
        finally
        {
            Keep(text);
        }
    }

    /// <summary>The body as text.</summary>
    public static string WriteToString(SessionDescription description)
    {
        var text = Render(description);
        try
        {
            return text.ToString();
        }
        finally
        {
            Keep(text);
        }
    }

    private static StringBuilder Render(SessionDescription description)
    {
        // Taken from the thread (and given back by Keep) so that a nested call could never share it.
        var text = t_text ?? new StringBuilder(1024);
        t_text = null;
        text.Clear();
        Write(text, description);
        return text;
    }

    private static void Keep(StringBuilder text)
    {
        if (text.Capacity <= KeptCapacity) t_text = text;
    }

    private static void Write(StringBuilder text, SessionDescription description)
    {
        Line(text, 'v', "0");
        var origin = description.Origin;
        text.Append("o=").Append(origin.Username).Append(' ').Append(origin.SessionId).Append(' ')
            .Append(origin.SessionVersion.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(origin.NetworkType).Append(' ')
            .Append(origin.AddressType).Append(' ').Append(origin.Address).Append("\r\n");
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
            Connection(text, connection);
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
            Attribute(text, attribute);
        }
        foreach (var media in description.Media)
        {
            WriteMedia(text, media);
        }
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
            Connection(text, connection);
        }
        foreach (var bandwidth in media.Bandwidths)
        {
            Line(text, 'b', bandwidth.ToString());
        }
        OptionalLine(text, 'k', media.EncryptionKey);
        foreach (var attribute in media.Attributes)
        {
            Attribute(text, attribute);
        }
    }

    /// <summary>The c= line, as <see cref="SdpConnection.ToString"/> writes it.</summary>
    private static void Connection(StringBuilder text, SdpConnection connection) =>
        text.Append("c=").Append(connection.NetworkType).Append(' ').Append(connection.AddressType).Append(' ')
            .Append(connection.Address).Append("\r\n");

    /// <summary>The a= line, as <see cref="SdpAttribute.ToString"/> writes it.</summary>
    private static void Attribute(StringBuilder text, SdpAttribute attribute)
    {
        text.Append("a=").Append(attribute.Name);
        if (attribute.Value is not null) text.Append(':').Append(attribute.Value);
        text.Append("\r\n");
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
