using System.Text;

namespace Softswitch.Sip.Auth;

/// <summary>
/// Reads <c>name=value</c> auth-params separated by commas (RFC 3261 §25.1, RFC 7235 §2.1).
/// Values may be tokens or quoted-strings with quoted-pairs. Lenient where phones are sloppy
/// (an unquoted URI, empty list elements, line folding); <see cref="Failed"/> is set on broken syntax.
/// </summary>
internal ref struct AuthParamReader(ReadOnlySpan<char> text)
{
    private readonly ReadOnlySpan<char> _text = text;
    private int _position;

    public bool Failed { get; private set; }

    public readonly bool AtEnd => _position >= _text.Length;

    /// <summary>Skips spaces, tabs and CR/LF (folded lines); true when anything was skipped.</summary>
    public bool SkipWhitespace()
    {
        var start = _position;
        while (_position < _text.Length && _text[_position] is ' ' or '\t' or '\r' or '\n')
        {
            _position++;
        }
        return _position > start;
    }

    public bool TryReadToken(out ReadOnlySpan<char> token)
    {
        var start = _position;
        while (_position < _text.Length && IsTokenChar(_text[_position]))
        {
            _position++;
        }
        token = _text[start.._position];
        return !token.IsEmpty;
    }

    /// <summary>Reads the next parameter; false at the end of the list or on a syntax error (then <see cref="Failed"/> is true).</summary>
    public bool TryReadParameter(out ReadOnlySpan<char> name, out string value)
    {
        value = string.Empty;
        SkipSeparators();
        if (AtEnd)
        {
            name = default;
            return false;
        }
        if (!TryReadToken(out name))
        {
            return Fail();
        }
        SkipWhitespace();
        if (AtEnd || _text[_position] != '=')
        {
            return Fail();
        }
        _position++;
        SkipWhitespace();
        if (AtEnd)
        {
            return Fail();
        }
        if (_text[_position] == '"' ? !TryReadQuoted(out value) : !TryReadBare(out value))
        {
            return Fail();
        }
        SkipWhitespace();
        if (!AtEnd && _text[_position] != ',')
        {
            return Fail();
        }
        return true;
    }

    private void SkipSeparators()
    {
        while (_position < _text.Length && _text[_position] is ' ' or '\t' or '\r' or '\n' or ',')
        {
            _position++;
        }
    }

    private bool TryReadQuoted(out string value)
    {
        _position++; // opening quote
        var start = _position;
        var hasEscapes = false;
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == '"')
            {
                var raw = _text[start.._position];
                _position++;
                value = hasEscapes ? Unescape(raw) : raw.ToString();
                return true;
            }
            if (c == '\\')
            {
                if (_position + 1 >= _text.Length)
                {
                    break;
                }
                hasEscapes = true;
                _position++;
            }
            _position++;
        }
        value = string.Empty;
        return false; // unterminated
    }

    /// <summary>A token value; also accepts the unquoted URIs some phones send (anything up to ',' or whitespace).</summary>
    private bool TryReadBare(out string value)
    {
        var start = _position;
        while (_position < _text.Length && _text[_position] is not (',' or ' ' or '\t' or '\r' or '\n' or '"' or '\\'))
        {
            _position++;
        }
        value = _text[start.._position].ToString();
        return _position > start;
    }

    private static string Unescape(ReadOnlySpan<char> raw)
    {
        var builder = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\\' && i + 1 < raw.Length)
            {
                i++;
            }
            builder.Append(raw[i]);
        }
        return builder.ToString();
    }

    private bool Fail()
    {
        Failed = true;
        return false;
    }

    /// <summary>token characters of RFC 3261 §25.1.</summary>
    private static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '!' or '%' or '*' or '_' or '+' or '`' or '\'' or '~';
}
