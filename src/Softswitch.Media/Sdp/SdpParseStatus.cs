namespace Softswitch.Media.Sdp;

/// <summary>Outcome of <see cref="SdpParser.TryParse"/>.</summary>
public enum SdpParseStatus
{
    Ok,
    /// <summary>Not a valid session description; the error text says which line and why.</summary>
    Invalid,
}
