namespace Softswitch.Media.Sdp;

/// <summary>
/// One <c>a=</c> line (RFC 8866 §5.13): a property attribute (<c>a=sendrecv</c>, <see cref="Value"/> null)
/// or a value attribute (<c>a=rtpmap:0 PCMU/8000</c>). Kept verbatim so unknown attributes survive a round trip.
/// </summary>
public sealed record SdpAttribute(string Name, string? Value = null)
{
    /// <summary>The text after <c>a=</c>.</summary>
    public override string ToString() => Value is null ? Name : Name + ":" + Value;
}
