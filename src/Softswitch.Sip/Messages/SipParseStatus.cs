namespace Softswitch.Sip.Messages;

/// <summary>Outcome of <see cref="SipMessageParser.TryParse"/>.</summary>
public enum SipParseStatus
{
    Ok,
    /// <summary>Not a valid SIP message; <see cref="SipParseError"/> says why and what to answer.</summary>
    Invalid,
}
