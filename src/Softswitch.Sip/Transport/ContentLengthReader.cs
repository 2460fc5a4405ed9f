using System.Text;

namespace Softswitch.Sip.Transport;

/// <summary>
/// Finds the Content-Length value (long form or compact <c>l</c>, any case) in a complete header block,
/// RFC 3261 §7.3.1 and §20.14: whitespace and line folding may surround the colon and the value.
/// Only this one header is read; the rest of the block is left to the SIP parser.
/// </summary>
internal static class ContentLengthReader
{
    /// <summary>Values beyond this are reported as this (anything this big is over every size limit).</summary>
    private const long Ceiling = int.MaxValue;

    private static ReadOnlySpan<byte> LongName => "Content-Length"u8;
    private static ReadOnlySpan<byte> CompactName => "l"u8;

    /// <param name="headerBlock">Start-line, headers and the closing CRLFCRLF.</param>
    /// <param name="contentLength">The body length when <see cref="ContentLengthStatus.Found"/>.</param>
    public static ContentLengthStatus Read(ReadOnlySpan<byte> headerBlock, out long contentLength)
    {
        contentLength = -1;
        // The start-line is not a header; the block always holds at least one CRLF.
        int position = headerBlock.IndexOf("\r\n"u8) + 2;
        while (position < headerBlock.Length && headerBlock[position] != (byte)'\r')
        {
            int headerEnd = EndOfHeader(headerBlock, position);
            var header = headerBlock[position..headerEnd];
            position = headerEnd + 2;

            if (!IsContentLength(header, out int valueStart))
            {
                continue;
            }

            if (!TryReadValue(header[valueStart..], out long value))
            {
                return ContentLengthStatus.Invalid;
            }

            if (contentLength >= 0 && contentLength != value)
            {
                return ContentLengthStatus.Invalid;
            }

            contentLength = value;
        }

        return contentLength >= 0 ? ContentLengthStatus.Found : ContentLengthStatus.Missing;
    }

    /// <summary>Index of the CRLF that ends the header starting at <paramref name="start"/> (folded lines included).</summary>
    private static int EndOfHeader(ReadOnlySpan<byte> block, int start)
    {
        int position = start;
        while (true)
        {
            int lineBreak = block[position..].IndexOf("\r\n"u8);
            if (lineBreak < 0)
            {
                return block.Length - 2;
            }

            int end = position + lineBreak;
            if (!IsWhitespace(block, end + 2))
            {
                return end;
            }

            position = end + 2;
        }
    }

    private static bool IsContentLength(ReadOnlySpan<byte> header, out int valueStart)
    {
        valueStart = 0;
        int nameEnd = header.IndexOfAny(":\r \t"u8);
        if (nameEnd <= 0)
        {
            return false;
        }

        var name = header[..nameEnd];
        if (!Ascii.EqualsIgnoreCase(name, LongName) && !Ascii.EqualsIgnoreCase(name, CompactName))
        {
            return false;
        }

        int colon = SkipLinearWhitespace(header, nameEnd);
        if (colon >= header.Length || header[colon] != (byte)':')
        {
            return false;
        }

        valueStart = colon + 1;
        return true;
    }

    private static bool TryReadValue(ReadOnlySpan<byte> value, out long number)
    {
        number = 0;
        int position = SkipLinearWhitespace(value, 0);
        int digitsStart = position;
        while (position < value.Length && char.IsAsciiDigit((char)value[position]))
        {
            number = Math.Min(Ceiling, number * 10 + (value[position] - '0'));
            position++;
        }

        if (position == digitsStart)
        {
            return false;
        }

        return SkipLinearWhitespace(value, position) == value.Length;
    }

    /// <summary>Skips SP, HTAB and folding (CRLF followed by SP or HTAB); returns the next index.</summary>
    private static int SkipLinearWhitespace(ReadOnlySpan<byte> text, int position)
    {
        while (position < text.Length)
        {
            if (IsWhitespace(text, position))
            {
                position++;
            }
            else if (text[position] == (byte)'\r' && position + 2 < text.Length
                     && text[position + 1] == (byte)'\n' && IsWhitespace(text, position + 2))
            {
                position += 3;
            }
            else
            {
                break;
            }
        }

        return position;
    }

    private static bool IsWhitespace(ReadOnlySpan<byte> text, int index) =>
        index < text.Length && (text[index] == (byte)' ' || text[index] == (byte)'\t');
}
