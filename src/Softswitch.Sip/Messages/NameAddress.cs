using System.Globalization;
using System.Text;

namespace Softswitch.Sip.Messages;

/// <summary>
/// A From, To, Contact, Route or Record-Route value: optional display name, URI and header parameters (§20.10, §20.20, §20.39).
/// <see cref="IsStar"/> marks the "Contact: *" of a REGISTER that removes all bindings (§10.2.2).
/// </summary>
public sealed class NameAddress
{
    /// <summary>The wildcard contact "*".</summary>
    public static NameAddress Star { get; } = new();

    public NameAddress(SipUri uri, string? displayName = null, SipParameters? parameters = null)
    {
        Uri = uri;
        DisplayName = displayName;
        Parameters = parameters ?? SipParameters.Empty;
    }

    private NameAddress()
    {
        IsStar = true;
        Uri = new SipUri("sip", null, "*");
        Parameters = SipParameters.Empty;
    }

    public string? DisplayName { get; }
    public SipUri Uri { get; }
    /// <summary>Header parameters (tag, expires, q, +sip.instance...), not URI parameters.</summary>
    public SipParameters Parameters { get; }
    public bool IsStar { get; }

    public string? Tag => Parameters["tag"];

    /// <summary>The Contact "expires" parameter in seconds; null if absent or not a valid delta-seconds (§20.10).</summary>
    public int? Expires => int.TryParse(Parameters["expires"], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;

    public NameAddress WithTag(string tag) => WithParameter("tag", tag);

    public NameAddress WithParameter(string name, string? value) => new(Uri, DisplayName, Parameters.With(name, value));

    public static bool TryParse(string text, out NameAddress? value)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        value = NameAddressParser.TryParse(bytes, allowStar: true, out var parts) ? FromParts(bytes, in parts) : null;
        return value is not null;
    }

    public static NameAddress Parse(string text) =>
        TryParse(text, out var value) ? value! : throw new FormatException($"Not a valid name-addr: '{text}'.");

    internal static NameAddress FromParts(ReadOnlySpan<byte> text, in NameAddressParts parts)
    {
        if (parts.IsStar)
        {
            return Star;
        }
        string? display = null;
        if (parts.HasDisplayName)
        {
            display = parts.DisplayNameQuoted ? SipText.Unquote(text[parts.DisplayName]) : SipText.Decode(text[parts.DisplayName]);
        }
        var uriText = text[parts.Uri];
        return new NameAddress(SipUri.FromParts(uriText, in parts.UriParts), display,
            SipParameters.ParseHeaderParameters(text[parts.Parameters]));
    }

    /// <summary>Always the name-addr form with &lt;&gt;, which is safe for every URI.</summary>
    public override string ToString()
    {
        if (IsStar)
        {
            return "*";
        }
        var sb = new StringBuilder(96);
        if (!string.IsNullOrEmpty(DisplayName))
        {
            sb.Append(SipText.Quote(DisplayName)).Append(' ');
        }
        sb.Append('<').Append(Uri).Append('>');
        Parameters.AppendTo(sb);
        return sb.ToString();
    }
}
