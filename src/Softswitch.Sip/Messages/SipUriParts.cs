namespace Softswitch.Sip.Messages;

/// <summary>Where each component of a URI lies in its text, found without allocating (see <see cref="SipUriParser"/>).</summary>
internal struct SipUriParts
{
    public SipUriKind Kind;
    public Range Scheme;
    public Range User;
    public Range Password;
    public Range Host;
    public int Port;
    public Range Parameters;
    public Range Headers;
    public Range Opaque;
    public bool HasUser;
    public bool HasPassword;
    public bool HasHeaders;
}

/// <summary>The URI schemes the switch understands structurally.</summary>
internal enum SipUriKind : byte
{
    Other,
    Sip,
    Sips,
    Tel,
}
