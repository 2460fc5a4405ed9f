using System.Text;
using Softswitch.Media.Playback;
using Softswitch.Media.Rtp;
using Softswitch.Sip.Dialogs;
using Softswitch.Sip.Messages;

namespace Softswitch.Calls.Bridging;

/// <summary>
/// Blind transfer (RFC 3515) from either party: REFER with Refer-To an extension or ring group is accepted 202; the
/// other party (the transferee) hears music while the target rings; when it answers, the transferee is bridged to it,
/// the transferor hears NOTIFY 200 (message/sipfrag) and is hung up. If nobody answers, the transferor hears the
/// failure in a NOTIFY and the call goes on as before. Attended transfer (Refer-To with Replaces) is in
/// BridgedCall.AttendedTransfer.cs.
/// </summary>
public sealed partial class BridgedCall
{
    private readonly List<CalleeLeg> _transferForks = [];
    private RtpPortPair? _transferPorts;
    private Transfer? _transfer;
    private PromptPlayer? _transferMusic;

    private sealed record Transfer(CallLeg Transferor, CallLeg Transferee, string Target, int Step);

    private async ValueTask OnReferAsync(CallLeg transferor, InDialogRequest refer)
    {
        if (_transfer is not null || _end is not null || _answered is null)
        {
            refer.Respond(491, "Transfer In Progress");
            return;
        }

        var referTo = refer.Request.GetFirstHeaderValue("Refer-To");
        var address = referTo is not null && NameAddress.TryParse(referTo, out var parsed) ? parsed : null;
        if (ReplacesIn(address) is { } replaces)
        {
            await OnAttendedReferAsync(transferor, refer, replaces).ConfigureAwait(false);
            return;
        }

        var number = address?.Uri.User;
        var target = number is null ? null : _context.Targets?.ForExtension(number) ?? _context.Targets?.ForRingGroup(number);
        if (target is null)
        {
            // Blind transfer only to our own extensions and ring groups.
            LogTransferRefused(CallId, referTo ?? "(no Refer-To)");
            refer.Respond(404, "No Such Extension");
            return;
        }

        if (_transferPorts is null && !_context.Media.Ports.TryAllocate(out _transferPorts))
        {
            refer.Respond(503, "Media Ports Exhausted");
            return;
        }

        refer.Respond(202, "Accepted");
        var transferee = transferor == _answered ? _partyA : _answered;
        _step++;
        _transfer = new Transfer(transferor, transferee, target.Name, _step);
        LogTransfer(CallId, transferor.Peer, transferee.Peer, target.Name);
        _ = NotifyAsync(transferor, "SIP/2.0 100 Trying", final: false);

        _bridge?.Disconnect();
        _bridge = null;
        StopMusic(); // a phone usually holds before it transfers: one player per leg
        _transferMusic = PlayMusic(transferee);
        // The target sees the transferee calling.
        RingContacts(target, _transferPorts!, _transferForks, transferee == _caller ? Caller : transferee.Peer,
            transferee == _caller ? CallerName : null, transferee.Media?.Codec);
        if (_transferForks.Count == 0)
        {
            await FailTransferAsync(480, "Temporarily Unavailable").ConfigureAwait(false);
            return;
        }

        ArmRingTimer(target.RingTime);
    }

    private async ValueTask OnTransferAnsweredAsync(CalleeLeg fork, ReadOnlyMemory<byte> sdp)
    {
        if (_transfer is not { } transfer || _end is not null)
        {
            fork.Hangup();
            return;
        }

        var negotiated = Negotiate(fork, sdp);
        if (negotiated is null)
        {
            fork.Hangup();
            if (_transferForks.All(other => other == fork || other.IsOver)) await FailTransferAsync(488, "Not Acceptable Here").ConfigureAwait(false);
            return;
        }

        _ringTimer?.Dispose();
        foreach (var other in _transferForks.Where(other => other != fork)) other.Hangup();
        await fork.StartMediaAsync(negotiated, _context.Media, fork.Session.Destination.Address.Address, _context.Time, _context.Loggers)
            .ConfigureAwait(false);
        _ = ReadDigitsAsync(fork, fork.Media!);
        StopTransferMusic();

        // The transferee and the target are the call's two parties from now on.
        _partyA = transfer.Transferee;
        _answered = fork;
        _transfer = null;
        Connect();
        LogTransferred(CallId, transfer.Transferee.Peer, fork.Peer);
        await NotifyAsync(transfer.Transferor, "SIP/2.0 200 OK", final: true).ConfigureAwait(false);
        transfer.Transferor.Hangup();
        ReportPartiesChanged(transfer.Transferor);
        NotifyBridgeHandedOn(transfer.Transferor);
    }

    private async ValueTask OnTransferForkFailedAsync()
    {
        if (_transfer is null || !_transferForks.All(fork => fork.FailureStatus != 0)) return;
        var status = FinalStatusOf(_transferForks);
        await FailTransferAsync(status, status == 486 ? "Busy Here" : "Temporarily Unavailable").ConfigureAwait(false);
    }

    /// <summary>The target did not answer: the transferor hears why, the two parties are bridged again.</summary>
    private async ValueTask FailTransferAsync(int status, string reason)
    {
        if (_transfer is not { } transfer) return;
        _transfer = null;
        _ringTimer?.Dispose();
        foreach (var fork in _transferForks) fork.Hangup();
        StopTransferMusic();
        if (_partyA.Holding || _answered!.Holding) UpdateHold(); // still on hold: music again, not the bridge
        else Connect();
        LogTransferFailed(CallId, transfer.Target, status);
        await NotifyAsync(transfer.Transferor, $"SIP/2.0 {status} {reason}", final: true).ConfigureAwait(false);
    }

    private void StopTransferMusic()
    {
        _transferMusic?.Stop();
        _transferMusic = null;
    }

    /// <summary>RFC 3515 §2.4.5: the progress of the referred call as a message/sipfrag NOTIFY in the REFER's dialog.</summary>
    private async Task NotifyAsync(CallLeg transferor, string statusLine, bool final)
    {
        if (transferor.Dialog is not { IsEstablished: true } dialog) return;
        try
        {
            await dialog.SendRequestAsync(SipMethod.Notify, "message/sipfrag;version=2.0", Encoding.ASCII.GetBytes(statusLine + "\r\n"),
            [
                new("Event", "refer"),
                new("Subscription-State", final ? "terminated;reason=noresource" : "active;expires=60"),
            ]).ConfigureAwait(false);
        }
        catch (Exception error) when (error is InvalidOperationException or OperationCanceledException)
        {
            // The transferor hung up already: nobody to tell.
        }
    }
}
