namespace Softswitch.Sip.Messages;

/// <summary>
/// Splits a header value at top-level commas (§7.3.1), ignoring commas inside quoted strings and &lt;&gt;.
/// Yields trimmed ranges; an empty element (",,") is yielded as an empty range so validators can reject it.
/// </summary>
internal ref struct SipValueSplitter
{
    private readonly ReadOnlySpan<byte> _text;
    private int _position;

    public SipValueSplitter(ReadOnlySpan<byte> text)
    {
        _text = text;
        _position = 0;
        Current = default;
    }

    public Range Current { get; private set; }

    public bool MoveNext()
    {
        var s = _text;
        if (_position > s.Length)
        {
            return false;
        }
        var start = _position;
        var i = start;
        var inAngle = false;
        while (i < s.Length)
        {
            var b = s[i];
            if (b == (byte)'"' && !inAngle)
            {
                var close = SipText.SkipQuotedString(s, i);
                i = close < 0 ? s.Length : close;
                continue;
            }
            if (b == (byte)'<')
            {
                inAngle = true;
            }
            else if (b == (byte)'>')
            {
                inAngle = false;
            }
            else if (b == (byte)',' && !inAngle)
            {
                break;
            }
            i++;
        }
        var end = i;
        while (start < end && SipText.IsLws(s[start]))
        {
            start++;
        }
        while (end > start && SipText.IsLws(s[end - 1]))
        {
            end--;
        }
        Current = start..end;
        _position = i + 1;
        return true;
    }

    public readonly SipValueSplitter GetEnumerator() => this;
}
