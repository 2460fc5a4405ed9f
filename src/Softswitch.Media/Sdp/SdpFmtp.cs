namespace Softswitch.Media.Sdp;

/// <summary><c>a=fmtp:&lt;format&gt; &lt;parameters&gt;</c> (RFC 8866 §6.15), e.g. <c>a=fmtp:101 0-16</c>.</summary>
public readonly record struct SdpFmtp(int PayloadType, string Parameters)
{
    /// <summary>Reads the value after <c>a=fmtp:</c>; false when it does not start with a payload type.</summary>
    public static bool TryParse(string value, out SdpFmtp fmtp)
    {
        fmtp = default;
        var space = value.IndexOf(' ');
        var number = space < 0 ? value.AsSpan() : value.AsSpan(0, space);
        if (!SdpNumbers.TryParsePayloadType(number, out var payloadType))
        {
            return false;
        }
        fmtp = new SdpFmtp(payloadType, space < 0 ? "" : value[(space + 1)..].Trim());
        return true;
    }

    /// <summary>The value after <c>a=fmtp:</c>.</summary>
    public string ToAttributeValue() => $"{PayloadType} {Parameters}";
}
