namespace Softswitch.Sip.Messages;

/// <summary>
/// The SIP methods the switch knows by name (RFC 3261 §7.1 plus RFC 3262, 3311, 3515, 3428, 3903, 6665, 6086).
/// Any other method token parses as <see cref="Unknown"/>; its text stays in <c>MethodName</c>.
/// </summary>
public enum SipMethod : byte
{
    Unknown,
    Invite,
    Ack,
    Bye,
    Cancel,
    Register,
    Options,
    Info,
    Prack,
    Update,
    Subscribe,
    Notify,
    Refer,
    Message,
    Publish,
}
