namespace Softswitch.Sip.Messages;

/// <summary>
/// Parses <c>(name-addr / addr-spec) *(SEMI param)</c> of From, To, Contact, Route and friends (RFC 3261 §20.10, §25.1)
/// without allocating. In addr-spec form the parameters after the URI belong to the header, and a URI carrying
/// "?", "," or ";" of its own must be in &lt;&gt; (RFC 4475 regbadct). No whitespace inside &lt;&gt; (RFC 4475 badaspec).
/// </summary>
internal static class NameAddressParser
{
    public static bool TryParse(ReadOnlySpan<byte> element, bool allowStar, out NameAddressParts parts)
    {
        parts = default;
        var s = element;
        var i = SipText.SkipLws(s, 0);
        var end = s.Length;
        while (end > i && SipText.IsLws(s[end - 1]))
        {
            end--;
        }
        if (i >= end)
        {
            return false;
        }
        if (allowStar && end - i == 1 && s[i] == (byte)'*')
        {
            parts.IsStar = true;
            return true;
        }
        var lessThan = -1;
        if (s[i] == (byte)'"')
        {
            var close = SipText.SkipQuotedString(s, i);
            if (close < 0)
            {
                return false;
            }
            parts.HasDisplayName = true;
            parts.DisplayNameQuoted = true;
            parts.DisplayName = i..close;
            lessThan = SipText.SkipLws(s, close);
            if (lessThan >= end || s[lessThan] != (byte)'<')
            {
                return false;
            }
        }
        else
        {
            var j = i;
            while (j < end && (SipText.TokenChars.Contains(s[j]) || SipText.IsLws(s[j])))
            {
                j++;
            }
            if (j < end && s[j] == (byte)'<')
            {
                lessThan = j;
                var displayEnd = j;
                while (displayEnd > i && SipText.IsLws(s[displayEnd - 1]))
                {
                    displayEnd--;
                }
                parts.HasDisplayName = displayEnd > i;
                parts.DisplayName = i..displayEnd;
            }
        }
        int parametersStart;
        if (lessThan >= 0)
        {
            var greaterThan = s[lessThan..end].IndexOf((byte)'>');
            if (greaterThan < 0)
            {
                return false;
            }
            parts.Uri = (lessThan + 1)..(lessThan + greaterThan);
            parametersStart = lessThan + greaterThan + 1;
        }
        else
        {
            var j = i;
            while (j < end && s[j] != (byte)';' && !SipText.IsLws(s[j]))
            {
                j++;
            }
            parts.Uri = i..j;
            if (s[parts.Uri].IndexOfAny((byte)'?', (byte)',') >= 0)
            {
                return false;
            }
            parametersStart = j;
        }
        var uri = s[parts.Uri];
        if (uri.IsEmpty || SipText.ContainsLws(uri) || !SipUriParser.TryParse(uri, out parts.UriParts))
        {
            return false;
        }
        parts.Parameters = parametersStart..end;
        return SipParameterScanner.Validate(s[parts.Parameters]);
    }
}
