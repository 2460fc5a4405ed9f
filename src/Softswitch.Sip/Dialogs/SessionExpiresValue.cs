using System.Globalization;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Dialogs;

/// <summary>
/// The Session-Expires header (RFC 4028 §4): <c>delta-seconds [;refresher=uac|uas]</c>. The refresher is named by
/// its role in the transaction that carries the header: <c>uac</c> is whoever sent the request.
/// </summary>
internal readonly record struct SessionExpiresValue(int Seconds, string? Refresher)
{
    public static SessionExpiresValue? Read(SipMessage message)
    {
        var value = message.GetFirstHeaderValue(SipHeaderId.SessionExpires);
        if (value is null) return null;
        var parts = value.Split(';', StringSplitOptions.TrimEntries);
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0) return null;
        string? refresher = null;
        foreach (var part in parts.AsSpan(1))
        {
            if (!part.StartsWith("refresher=", StringComparison.OrdinalIgnoreCase)) continue;
            var role = part["refresher=".Length..].Trim();
            if (role.Equals("uac", StringComparison.OrdinalIgnoreCase)) refresher = "uac";
            else if (role.Equals("uas", StringComparison.OrdinalIgnoreCase)) refresher = "uas";
        }

        return new SessionExpiresValue(seconds, refresher);
    }

    /// <summary>The Min-SE header (RFC 4028 §5), 0 when absent or broken.</summary>
    public static int ReadMinSe(SipMessage message)
    {
        var value = message.GetFirstHeaderValue("Min-SE");
        if (value is null) return 0;
        var end = value.IndexOf(';', StringComparison.Ordinal);
        return int.TryParse(end < 0 ? value.Trim() : value[..end].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? seconds
            : 0;
    }

    /// <summary>Whether <paramref name="message"/> lists <paramref name="tag"/> in Supported (or Require).</summary>
    public static bool Lists(SipMessage message, string header, string tag)
    {
        foreach (var value in message.GetHeaderValues(header))
        {
            if (value.Trim().Equals(tag, StringComparison.OrdinalIgnoreCase)) return true;
        }

        return false;
    }

    public override string ToString() =>
        Refresher is null ? Seconds.ToString(CultureInfo.InvariantCulture) : $"{Seconds.ToString(CultureInfo.InvariantCulture)};refresher={Refresher}";
}
