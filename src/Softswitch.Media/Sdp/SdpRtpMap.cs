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
        // <name>/<rate>[/<channels>], read in place: an offer's rtpmap lines are read on every call set-up.
        var rest = value.AsSpan(space + 1).Trim();
        var slash = rest.IndexOf('/');
        if (slash <= 0)
        {
            return false;
        }
        var afterName = rest[(slash + 1)..];
        var secondSlash = afterName.IndexOf('/');
        var clockText = secondSlash < 0 ? afterName : afterName[..secondSlash];
        if (!int.TryParse(clockText, NumberStyles.None, CultureInfo.InvariantCulture, out var clockRate) || clockRate <= 0)
        {
            return false;
        }
        var channels = 1;
        if (secondSlash >= 0
            && (!int.TryParse(afterName[(secondSlash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out channels) || channels <= 0))
        {
            return false;
        }
        rtpMap = new SdpRtpMap(payloadType, rest[..slash].ToString(), clockRate, channels);
        return true;
    }

    /// <summary>The value after <c>a=rtpmap:</c>; the channel count is written only when not 1.</summary>
    public string ToAttributeValue() => Channels == 1
        ? string.Create(CultureInfo.InvariantCulture, $"{PayloadType} {EncodingName}/{ClockRate}")
        : string.Create(CultureInfo.InvariantCulture, $"{PayloadType} {EncodingName}/{ClockRate}/{Channels}");
}
