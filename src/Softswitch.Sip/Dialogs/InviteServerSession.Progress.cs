namespace Softswitch.Sip.Dialogs;

/// <summary>Provisional answers with a body: early media passed back from a callee the switch is ringing (RFC 3960).</summary>
public sealed partial class InviteServerSession
{
    /// <summary>
    /// Sends <paramref name="statusCode"/> (180 or 183) with our To tag and Contact, and <paramref name="sdp"/> as its body
    /// when not empty (the answer the 2xx will repeat). False unless the session is still Incoming or Ringing.
    /// </summary>
    public bool Progress(int statusCode, ReadOnlyMemory<byte> sdp)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 101);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 199);
        lock (_gate)
        {
            if (State is not (InviteSessionState.Incoming or InviteSessionState.Ringing)) return false;
            _invite.SendResponse(statusCode, Build(_invite, statusCode, withContact: true, sdp));
            State = InviteSessionState.Ringing;
            return true;
        }
    }
}
