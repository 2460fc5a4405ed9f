using Softswitch.Media.Sdp;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Stack;

namespace Softswitch.Calls.Bridging;

/// <summary>
/// Group call pickup (*8): another phone of the rung extensions' pickup group answers the call in their place. Its
/// INVITE becomes the answered leg: the ringing phones are cancelled and the caller is bridged to it.
/// </summary>
public sealed partial class BridgedCall
{
    private Softswitch.Media.Rtp.RtpPortPair? _pickupPorts;

    /// <summary>The extensions this call rings now (empty once answered or over); read from any thread.</summary>
    private volatile string[] _ringing = [];

    /// <summary>True while the call rings one of <paramref name="extensions"/> and was not placed by <paramref name="picker"/>.</summary>
    public bool IsRinging(IReadOnlySet<string> extensions, string picker) =>
        Caller != picker && _ringing.Any(extensions.Contains);

    /// <summary>When the INVITE arrived: the oldest ringing call is picked up first.</summary>
    public DateTimeOffset Started => _started;

    private async ValueTask OnPickupAsync(PickupRequested pickup)
    {
        var invite = pickup.Invite;
        if (_answered is not null || _end is not null || _caller.Negotiated is null || _application is not null)
        {
            invite.Respond(480, "Nothing To Pick Up", toTag: SipIds.NewTag());
            return;
        }

        if (AnswerableLeg(invite, pickup.Extension, "callee", _caller.Negotiated.Codec, out var negotiated) is not { } picker) return;
        _pickupPorts = picker.Ports;
        LogPickedUp(CallId, pickup.Extension, _target.Name);

        _ringTimer?.Dispose();
        foreach (var fork in _forks)
        {
            fork.Hangup();
            ReportCallee(fork, Presence.DialogState.Terminated);
        }
        if (_earlyMedia is not null) await DropEarlyMediaAsync().ConfigureAwait(false);
        _answered = picker;
        _ringing = [];
        var answer = SdpWriter.Write(picker.OfferAnswer.CreateAnswer());
        await picker.StartMediaAsync(negotiated!, _context.Media, invite.Source.Address.Address, _context.Time, _context.Loggers).ConfigureAwait(false);
        await StartCallerMediaAsync().ConfigureAwait(false);
        Connect();
        if (!Inbound.Session.Accept(SdpWriter.Write(_caller.OfferAnswer.LocalDescription!)))
        {
            picker.Session.Reject(480, "Caller Gone");
            CallerGone();
            return;
        }

        picker.Session.Accept(answer);
        MarkAnswered();
    }
}
