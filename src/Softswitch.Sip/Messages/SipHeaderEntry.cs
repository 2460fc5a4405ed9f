namespace Softswitch.Sip.Messages;

/// <summary>
/// Index entry for one header field line (folded continuation lines included) in a message's bytes.
/// Offsets are relative to the message buffer; the value excludes surrounding whitespace.
/// </summary>
internal readonly record struct SipHeaderEntry(SipHeaderId Id, int NameStart, int NameLength, int ValueStart, int ValueLength)
{
    public Range Name => NameStart..(NameStart + NameLength);
    public Range Value => ValueStart..(ValueStart + ValueLength);
}
