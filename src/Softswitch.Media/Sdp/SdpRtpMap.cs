using System.Globalization;

namespace Softswitch.Media.Sdp;

/// <summary>
/// <c>a=rtpmap:&lt;payload type&gt; &lt;encoding name&gt;/&lt;clock rate&gt;[/&lt;channels&gt;]</c> (RFC 8866 §6.6).
/// Channels default to 1 when absent.
/// </summary>
public readonly record struct SdpRtpMap(int PayloadType, string EncodingName, int ClockRate, int Channels = 1)
{
    /// <summary>Reads the value after <c>a=rtpmap:</c>; false when it is malformed.</summary>
    public static bool TryParse(string value, out SdpRtpMap rtpMap)
    {
        rtpMap = default;
        var space = value.IndexOf(' ');
        if (space <= 0 || !SdpNumbers.TryParsePayloadType(value.AsSpan(0, space), out var payloadType))
        {
            return false;
        }
        var parts = value[(space + 1)..].Trim().Split('/');
        if (parts.Length is < 2 or > 3 || parts[0].Length == 0
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var clockRate) || clockRate <= 0)
        {
            return false;
        }
        var channels = 1;
        if (parts.Length == 3
            && (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out channels) || channels <= 0))
        {
            return false;
        }
        rtpMap = new SdpRtpMap(payloadType, parts[0], clockRate, channels);
        return true;
    }

    /// <summary>The value after <c>a=rtpmap:</c>; the channel count is written only when not 1.</summary>
    public string ToAttributeValue() => Channels == 1
        ? string.Create(CultureInfo.InvariantCulture, $"{PayloadType} {EncodingName}/{ClockRate}")
        : string.Create(CultureInfo.InvariantCulture, $"{PayloadType} {EncodingName}/{ClockRate}/{Channels}");
}
