using System.Globalization;
using System.Text;

namespace Softswitch.Sip.Messages;

/// <summary>
/// A SIP, SIPS or tel URI (RFC 3261 §19.1, RFC 3966), or any other absolute URI kept as scheme + opaque text.
/// Components are stored unescaped; <see cref="ToString"/> gives the canonical escaped form.
/// Equality follows §19.1.4.
/// </summary>
public sealed class SipUri : IEquatable<SipUri>
{
    private static readonly string[] s_mustMatchParameters = ["user", "ttl", "method", "maddr", "transport"];

    public SipUri(string scheme, string? user, string host, int? port = null, SipParameters? parameters = null,
        SipParameters? headers = null, string? password = null)
    {
        Scheme = scheme.ToLowerInvariant();
        User = user;
        Password = password;
        Host = host;
        Port = port;
        Parameters = parameters ?? SipParameters.Empty;
        Headers = headers ?? SipParameters.Empty;
    }

    private SipUri(string scheme, string opaque)
    {
        Scheme = scheme.ToLowerInvariant();
        Host = string.Empty;
        Opaque = opaque;
        Parameters = SipParameters.Empty;
        Headers = SipParameters.Empty;
    }

    /// <summary>"sip", "sips", "tel" or another scheme, lower case.</summary>
    public string Scheme { get; }
    /// <summary>The user part, unescaped (for tel: the telephone number).</summary>
    public string? User { get; }
    public string? Password { get; }
    /// <summary>Host name, IPv4 address or IPv6 reference with brackets; empty for tel and opaque URIs.</summary>
    public string Host { get; }
    public int? Port { get; }
    /// <summary>uri-parameters, unescaped.</summary>
    public SipParameters Parameters { get; }
    /// <summary>uri-headers after "?", unescaped.</summary>
    public SipParameters Headers { get; }
    /// <summary>For schemes other than sip, sips and tel: the text after "scheme:".</summary>
    public string? Opaque { get; }

    public bool IsSip => Scheme is "sip" or "sips";
    public bool IsSecure => Scheme == "sips";
    public bool IsTel => Scheme == "tel";
    public string? Transport => Parameters["transport"];
    public bool IsLooseRouter => Parameters.Contains("lr");
    public string? UserParameter => Parameters["user"];
    public string? MAddr => Parameters["maddr"];

    /// <summary>Convenience for building: <c>sip:user@host[:port]</c>.</summary>
    public static SipUri Sip(string? user, string host, int? port = null) => new("sip", user, host, port);

    /// <summary>A copy with a URI parameter set (e.g. <c>transport=tcp</c>, or <c>lr</c> with a null value).</summary>
    public SipUri WithParameter(string name, string? value) =>
        Opaque is not null ? this : new SipUri(Scheme, User, Host, Port, Parameters.With(name, value), Headers, Password);

    /// <summary>A copy without any uri-headers (e.g. before using a Contact as a target, §12.1.1).</summary>
    public SipUri WithoutHeaders() =>
        Headers.Count == 0 ? this : new SipUri(Scheme, User, Host, Port, Parameters, null, Password);

    public static bool TryParse(string text, out SipUri? uri) => TryParse(Encoding.UTF8.GetBytes(text), out uri);

    public static SipUri Parse(string text) =>
        TryParse(text, out var uri) ? uri! : throw new FormatException($"Not a valid URI: '{text}'.");

    public static bool TryParse(ReadOnlySpan<byte> text, out SipUri? uri)
    {
        uri = SipUriParser.TryParse(text, out var parts) ? FromParts(text, in parts) : null;
        return uri is not null;
    }

    internal static SipUri FromParts(ReadOnlySpan<byte> text, in SipUriParts parts)
    {
        var scheme = parts.Kind switch
        {
            SipUriKind.Sip => "sip",
            SipUriKind.Sips => "sips",
            SipUriKind.Tel => "tel",
            _ => SipText.Decode(text[parts.Scheme]),
        };
        if (parts.Kind == SipUriKind.Other)
        {
            return new SipUri(scheme, SipText.Decode(text[parts.Opaque]));
        }
        return new SipUri(
            scheme,
            parts.HasUser ? SipEscaping.Unescape(text[parts.User]) : null,
            parts.Kind == SipUriKind.Tel ? string.Empty : SipText.Decode(text[parts.Host]),
            parts.Port >= 0 ? parts.Port : null,
            SipParameters.ParseUriParameters(text[parts.Parameters]),
            parts.HasHeaders ? ParseUriHeaders(text[parts.Headers]) : null,
            parts.HasPassword ? SipEscaping.Unescape(text[parts.Password]) : null);
    }

    private static SipParameters ParseUriHeaders(ReadOnlySpan<byte> text)
    {
        var list = new List<SipParameter>();
        foreach (var range in text.Split((byte)'&'))
        {
            var part = text[range];
            var eq = part.IndexOf((byte)'=');
            list.Add(eq < 0
                ? new SipParameter(SipEscaping.Unescape(part), string.Empty)
                : new SipParameter(SipEscaping.Unescape(part[..eq]), SipEscaping.Unescape(part[(eq + 1)..])));
        }
        return new SipParameters(list);
    }

    public override string ToString()
    {
        if (Opaque is not null)
        {
            return Scheme + ":" + Opaque;
        }
        var sb = new StringBuilder(64).Append(Scheme).Append(':');
        if (IsTel)
        {
            sb.Append(User);
        }
        else
        {
            if (User is not null)
            {
                sb.Append(SipEscaping.EscapeUser(User));
                if (Password is not null)
                {
                    sb.Append(':').Append(SipEscaping.EscapePassword(Password));
                }
                sb.Append('@');
            }
            sb.Append(Host);
            if (Port is { } port)
            {
                sb.Append(':').Append(port.ToString(CultureInfo.InvariantCulture));
            }
        }
        foreach (var p in Parameters)
        {
            sb.Append(';').Append(SipEscaping.EscapeParameter(p.Name));
            if (p.Value is not null)
            {
                sb.Append('=').Append(SipEscaping.EscapeParameter(p.Value));
            }
        }
        for (var i = 0; i < Headers.Count; i++)
        {
            sb.Append(i == 0 ? '?' : '&').Append(SipEscaping.EscapeParameter(Headers[i].Name))
              .Append('=').Append(SipEscaping.EscapeParameter(Headers[i].Value ?? string.Empty));
        }
        return sb.ToString();
    }

    /// <summary>URI comparison of RFC 3261 §19.1.4.</summary>
    public bool Equals(SipUri? other)
    {
        if (other is null)
        {
            return false;
        }
        if (ReferenceEquals(this, other))
        {
            return true;
        }
        if (!string.Equals(Scheme, other.Scheme, StringComparison.Ordinal))
        {
            return false;
        }
        if (Opaque is not null || other.Opaque is not null)
        {
            return string.Equals(Opaque, other.Opaque, StringComparison.Ordinal);
        }
        if (IsTel)
        {
            return string.Equals(StripVisualSeparators(User), StripVisualSeparators(other.User), StringComparison.OrdinalIgnoreCase)
                && ParametersMatch(other, requireAll: true);
        }
        return string.Equals(User, other.User, StringComparison.Ordinal)
            && string.Equals(Password, other.Password, StringComparison.Ordinal)
            && string.Equals(Host, other.Host, StringComparison.OrdinalIgnoreCase)
            && Port == other.Port
            && ParametersMatch(other, requireAll: false)
            && HeadersMatch(other);
    }

    public override bool Equals(object? obj) => Equals(obj as SipUri);

    public override int GetHashCode() => HashCode.Combine(
        Scheme, User, StringComparer.OrdinalIgnoreCase.GetHashCode(Host), Port);

    public static bool operator ==(SipUri? left, SipUri? right) => left?.Equals(right) ?? right is null;

    public static bool operator !=(SipUri? left, SipUri? right) => !(left == right);

    private bool ParametersMatch(SipUri other, bool requireAll)
    {
        foreach (var name in s_mustMatchParameters)
        {
            if (Parameters.Contains(name) != other.Parameters.Contains(name))
            {
                return false;
            }
        }
        if (requireAll && Parameters.Count != other.Parameters.Count)
        {
            return false;
        }
        foreach (var p in Parameters)
        {
            if (other.Parameters.TryGetValue(p.Name, out var value)
                && !string.Equals(p.Value, value, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
            if (requireAll && !other.Parameters.Contains(p.Name))
            {
                return false;
            }
        }
        return true;
    }

    private bool HeadersMatch(SipUri other)
    {
        if (Headers.Count != other.Headers.Count)
        {
            return false;
        }
        foreach (var h in Headers)
        {
            if (!other.Headers.TryGetValue(h.Name, out var value) || !string.Equals(h.Value, value, StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    private static string? StripVisualSeparators(string? number) =>
        number is null ? null : string.Concat(number.Where(c => c is not ('-' or '.' or '(' or ')')));
}
