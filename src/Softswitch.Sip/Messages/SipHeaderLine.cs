namespace Softswitch.Sip.Messages;

/// <summary>
/// One header line of a message being built: either text, or raw bytes copied unchanged from a received
/// message (so Via, From, To, Call-ID and CSeq echo exactly, §8.2.6.2), plus an optional suffix such as a To tag.
/// </summary>
internal readonly record struct SipHeaderLine(string Name, string? Text, ReadOnlyMemory<byte> Raw, string? Suffix = null)
{
    public void Render(ref SipOutput output)
    {
        output.Write(Name);
        output.Write(": "u8);
        if (Text is not null)
        {
            output.Write(Text);
        }
        else
        {
            output.WriteUnfolded(Raw.Span);
        }
        if (Suffix is not null)
        {
            output.Write(Suffix);
        }
        output.Write("\r\n"u8);
    }
}
