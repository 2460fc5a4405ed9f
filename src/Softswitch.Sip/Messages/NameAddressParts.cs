namespace Softswitch.Sip.Messages;

/// <summary>Where the display name, URI and header parameters of a name-addr or addr-spec lie.</summary>
internal struct NameAddressParts
{
    public bool IsStar;
    public bool HasDisplayName;
    public bool DisplayNameQuoted;
    public Range DisplayName;
    public Range Uri;
    public SipUriParts UriParts;
    public Range Parameters;
}
