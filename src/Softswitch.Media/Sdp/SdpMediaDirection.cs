namespace Softswitch.Media.Sdp;

/// <summary>
/// Stream direction from the point of view of the party whose description it is (RFC 8866 §6.7, RFC 3264 §5.1).
/// </summary>
public enum SdpMediaDirection
{
    SendRecv,
    SendOnly,
    RecvOnly,
    Inactive,
}
