using System.Globalization;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Stack;

namespace Softswitch.Sip.Dialogs;

/// <summary>
/// RFC 3262 on the calling side: a provisional response with <c>Require: 100rel</c> and an RSeq is acknowledged
/// with PRACK in its early dialog. The PRACK's own transaction retransmits it, so a retransmitted provisional (an
/// RSeq already PRACKed) is neither PRACKed again with a new CSeq nor passed to the owner again (§4).
/// </summary>
public sealed partial class InviteClientSession
{
    private uint? _lastRSeq;

    /// <summary>True when the owner should hear of <paramref name="response"/>: unreliable, or reliable and new and in order.</summary>
    private bool OnReliableProvisionalLocked(SipResponse response)
    {
        if (!SessionExpiresValue.Lists(response, "Require", "100rel")) return true;
        var rseqText = response.GetFirstHeaderValue("RSeq");
        if (!uint.TryParse(rseqText?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var rseq) || rseq == 0) return true;

        // Only the early dialog we keep is acknowledged; another fork's reliable 18x is passed on unacknowledged.
        if (Dialog is not { } early || response.To.Tag != early.RemoteTag) return true;

        // §4: an RSeq not one above the last is a retransmission (or out of order): its PRACK is already on its way.
        if (_lastRSeq is { } last && rseq != last + 1) return false;
        _lastRSeq = rseq;
        var prack = early.CreateRequest(SipMethod.Prack, NewVia(), LocalContact)
            .AddHeader("RAck", $"{rseq.ToString(CultureInfo.InvariantCulture)} {response.CSeq.Number.ToString(CultureInfo.InvariantCulture)} INVITE")
            .AddHeader("User-Agent", SipServer.Name);
        SendLocked(prack, InDialogDestination.For(early, Destination));
        return true;
    }
}
