using Softswitch.Calls.Records;

namespace Softswitch.Calls.Bridging;

/// <summary>
/// A dead peer on a bridged call: the watchdog's RTP timeout ends both legs, and the record names the leg that went
/// silent (session-timer expiry and transport failures of a leg are told by its session, see <c>OnEnded</c>).
/// </summary>
public sealed partial class BridgedCall
{
    /// <summary>
    /// Who a switch-made hang-up is put down to in the record: for an RTP timeout the party heard from least recently
    /// (the one whose phone or network died), for anything else the switch.
    /// </summary>
    private string SideOf(HangupRequested hangup)
    {
        if (hangup.Cause != HangupCauses.RtpTimeout || _answered?.Media is not { } callee || _partyA.Media is not { } caller) return HangupSides.Switch;
        return caller.LastReceivedTimestamp <= callee.LastReceivedTimestamp ? HangupSides.Caller : HangupSides.Callee;
    }
}
