using System.Globalization;

namespace Softswitch.Media.Sdp;

/// <summary>Strict number readers for SDP fields: ASCII digits only, no sign, no spaces.</summary>
internal static class SdpNumbers
{
    /// <summary>An RTP payload type, 0..127 (RFC 3550 §5.1).</summary>
    public static bool TryParsePayloadType(ReadOnlySpan<char> text, out int payloadType) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out payloadType) && payloadType <= 127;

    /// <summary>A UDP port, 0..65535.</summary>
    public static bool TryParsePort(ReadOnlySpan<char> text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65535;

    public static bool TryParseULong(ReadOnlySpan<char> text, out ulong value) =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <summary>
    /// A packet time in milliseconds. Some phones write <c>a=ptime:20.0</c>; the fraction is dropped.
    /// </summary>
    public static bool TryParseMilliseconds(string text, out int milliseconds)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out milliseconds))
        {
            return milliseconds > 0;
        }
        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var fractional)
            && fractional >= 1 && fractional <= int.MaxValue)
        {
            milliseconds = (int)fractional;
            return true;
        }
        milliseconds = 0;
        return false;
    }
}
