namespace Softswitch.Sip.Messages;

/// <summary>
/// Walks <c>*( SEMI generic-param )</c> (RFC 3261 §25.1) with LWS allowed around ";" and "=", without allocating.
/// An empty parameter (";;") or a stray character ends the walk with <see cref="IsValid"/> false (RFC 4475 badinv01).
/// </summary>
internal ref struct SipParameterScanner
{
    private readonly ReadOnlySpan<byte> _text;
    private int _position;

    public SipParameterScanner(ReadOnlySpan<byte> text)
    {
        _text = text;
        _position = 0;
        IsValid = true;
    }

    public bool IsValid { get; private set; }
    public ReadOnlySpan<byte> Name { get; private set; }
    /// <summary>The raw value (quoted strings keep their quotes); empty when <see cref="HasValue"/> is false.</summary>
    public ReadOnlySpan<byte> Value { get; private set; }
    public bool HasValue { get; private set; }

    /// <summary>Validates a whole parameter list.</summary>
    public static bool Validate(ReadOnlySpan<byte> text)
    {
        var scanner = new SipParameterScanner(text);
        while (scanner.MoveNext())
        {
        }
        return scanner.IsValid;
    }

    public bool MoveNext()
    {
        if (!IsValid)
        {
            return false;
        }
        var s = _text;
        var i = SipText.SkipLws(s, _position);
        if (i >= s.Length)
        {
            _position = i;
            return false;
        }
        if (s[i] != (byte)';')
        {
            return Fail();
        }
        i = SipText.SkipLws(s, i + 1);
        var nameStart = i;
        while (i < s.Length && SipText.TokenChars.Contains(s[i]))
        {
            i++;
        }
        if (i == nameStart)
        {
            return Fail();
        }
        Name = s[nameStart..i];
        i = SipText.SkipLws(s, i);
        HasValue = false;
        Value = default;
        if (i < s.Length && s[i] == (byte)'=')
        {
            i = SipText.SkipLws(s, i + 1);
            var valueStart = i;
            if (i < s.Length && s[i] == (byte)'"')
            {
                i = SipText.SkipQuotedString(s, i);
                if (i < 0)
                {
                    return Fail();
                }
            }
            else
            {
                while (i < s.Length && s[i] is not ((byte)';' or (byte)',' or (byte)'"' or (byte)'<' or (byte)'>') && !SipText.IsLws(s[i]))
                {
                    i++;
                }
            }
            if (i == valueStart)
            {
                return Fail();
            }
            Value = s[valueStart..i];
            HasValue = true;
        }
        _position = i;
        return true;
    }

    private bool Fail()
    {
        IsValid = false;
        return false;
    }
}
