namespace Softswitch.Media.Sdp;

/// <summary>
/// The <c>o=</c> line (RFC 8866 §5.2): <c>o=&lt;username&gt; &lt;sess-id&gt; &lt;sess-version&gt; &lt;nettype&gt; &lt;addrtype&gt; &lt;address&gt;</c>.
/// The session id is kept as text because only its identity matters; the version is a number because
/// RFC 3264 §8 makes it increase by one per changed description.
/// </summary>
public sealed record SdpOrigin(
    string Username,
    string SessionId,
    ulong SessionVersion,
    string NetworkType,
    string AddressType,
    string Address)
{
    /// <summary>The text after <c>o=</c>.</summary>
    public override string ToString() =>
        $"{Username} {SessionId} {SessionVersion} {NetworkType} {AddressType} {Address}";
}
