using Softswitch.Calls.Records;
using Softswitch.Calls.Media;
using Softswitch.Media.Rtp;
using Softswitch.Media.Sdp;
using Softswitch.Sip.Dialogs;
using Softswitch.Sip.Messages;

namespace Softswitch.Calls.Bridging;

/// <summary>Ringing the callee: every contact at once, early media, the first answer, busy, no answer, forwarding.</summary>
public sealed partial class BridgedCall
{
    /// <summary>Steps rung at most: the chains are built bounded, this only guards against a chain built wrong.</summary>
    private const int MaxSteps = 64;

    /// <summary>Rings every contact of <paramref name="target"/>; with none, goes to its no-answer step or refuses 480.</summary>
    private async ValueTask DialAsync(DialTarget target)
    {
        _target = target;
        _step++;
        _ringTimer?.Dispose();
        foreach (var old in _forks) old.Hangup();
        _forks.Clear();
        if (_earlyMedia is not null) await DropEarlyMediaAsync().ConfigureAwait(false);
        if (target.Trunks.Count > 0)
        {
            await DialTrunksAsync(target).ConfigureAwait(false);
            return;
        }

        if (target.Contacts.Count == 0)
        {
            LogNobodyToRing(CallId, target.Name, target.RefusedWith);
            var busy = target.RefusedWith == 486;
            await NextStepOrRefuseAsync(busy ? target.OnBusy : target.OnNoAnswer, BridgedCallEnd.Unanswered(target.RefusedWith),
                busy ? "Do Not Disturb" : "Temporarily Unavailable").ConfigureAwait(false);
            return;
        }

        if (!HaveCalleePorts()) return;

        foreach (var fork in RingContacts(target, _calleePorts!, _forks, Caller, CallerName, _caller.Negotiated?.Codec))
        {
            ReportCallee(fork, Presence.DialogState.Trying);
        }

        _ringing = [.. target.Contacts.Select(contact => contact.Extension).Distinct()];
        LogDialling(CallId, target.Name, _forks.Count, (int)target.RingTime.TotalSeconds);
        ArmRingTimer(target.RingTime);
    }

    /// <summary>The ring timer of the current step: when it fires after the step moved on, the step number says so.</summary>
    private void ArmRingTimer(TimeSpan ringTime)
    {
        var step = _step;
        _ringTimer = _context.Time.CreateTimer(_ => Post(new RingTimedOut(step)), null, ringTime, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// An INVITE to every contact of <paramref name="target"/> at once, each fork on <paramref name="ports"/> and added to
    /// <paramref name="forks"/>, presenting <paramref name="fromUser"/>; the forks started.
    /// </summary>
    private List<CalleeLeg> RingContacts(DialTarget target, RtpPortPair ports, List<CalleeLeg> forks, string fromUser, string? fromName,
        MediaFormat? preferredCodec)
    {
        var started = new List<CalleeLeg>(target.Contacts.Count);
        foreach (var contact in target.Contacts)
        {
            if (!SipUri.TryParse(contact.Binding.ContactUri, out var contactUri)) continue;
            var (fork, offer) = NewFork(contact.Extension, ports, forks, preferredCodec);
            fork.Start(_context.Sessions, new OutgoingInvite
            {
                Target = contactUri!.WithoutHeaders(),
                Destination = contact.Binding.Source,
                From = new NameAddress(SipUri.Sip(fromUser, _context.Domain), fromName),
                To = new NameAddress(SipUri.Sip(contact.Extension, _context.Domain)),
                SdpOffer = offer,
                ContactUser = fromUser,
            });
            started.Add(fork);
        }

        return started;
    }

    /// <summary>The callee side's port pair, allocated once for every fork; false (caller refused 503) when none is free.</summary>
    private bool HaveCalleePorts()
    {
        if (_calleePorts is not null || _context.Media.Ports.TryAllocate(out _calleePorts)) return true;
        LogRefused(_logger, CallId, 503, "no free RTP ports for the callee");
        RefuseCaller(new BridgedCallEnd(HangupCauses.Failed, HangupSides.Switch, 503), "Media Ports Exhausted");
        return false;
    }

    /// <summary>
    /// A new leg towards <paramref name="peer"/> on <paramref name="ports"/>, added to <paramref name="forks"/>, with its own
    /// offer (<paramref name="preferredCodec"/> first, so the bridge can relay).
    /// </summary>
    private (CalleeLeg Fork, ReadOnlyMemory<byte> Offer) NewFork(string peer, RtpPortPair ports, List<CalleeLeg> forks, MediaFormat? preferredCodec)
    {
        var offerAnswer = new OfferAnswerSession(new LocalMediaOptions
        {
            Address = _context.Media.Address.ToString(), RtpPort = ports.RtpPort, Codecs = CallCodecs.PreferringFirst(preferredCodec),
        }, _context.Time);
        var fork = new CalleeLeg(this, peer, ports, offerAnswer);
        forks.Add(fork);
        return (fork, SdpWriter.Write(offerAnswer.CreateOffer()));
    }

    /// <summary>RFC 3261 §16.7: when every fork failed, a 6xx beats everything, then busy; otherwise the callee is unavailable.</summary>
    private static int FinalStatusOf(IReadOnlyCollection<CalleeLeg> forks) =>
        forks.Select(fork => fork.FailureStatus).FirstOrDefault(status => status >= 600) is var global and > 0 ? global
        : forks.Any(fork => fork.FailureStatus == 486) ? 486
        : 480;

    private async ValueTask OnProvisionalAsync(LegProvisional provisional)
    {
        var fork = provisional.Leg;
        if (_transferForks.Contains(fork)) return; // the transferee hears music while the target rings
        if (_answered is not null || !_forks.Contains(fork)) return;
        if (_application is not null)
        {
            ReportCallee(fork, Presence.DialogState.Early); // the caller, answered already, hears the application's ringback
            return;
        }

        if (!provisional.Sdp.IsEmpty && _earlyMedia is null && _caller.Negotiated is not null
            && Negotiate(fork, provisional.Sdp) is { } negotiated)
        {
            // Early media (RFC 3960): the callee's announcement or ringback reaches the caller through the bridge.
            await StartCalleeMediaAsync(fork, negotiated).ConfigureAwait(false);
            _earlyMedia = fork;
            await StartCallerMediaAsync().ConfigureAwait(false);
            Connect();
            Inbound.Session.Progress(183, SdpWriter.Write(_caller.OfferAnswer.LocalDescription!));
            _callerRinging = true;
            LogEarlyMedia(CallId, fork.Peer, fork.Media!.Codec.ToString());
            return;
        }

        ReportCallee(fork, Presence.DialogState.Early);
        if (_callerRinging) return;
        Inbound.Session.Ring();
        _callerRinging = true;
        ReportCaller(Presence.DialogState.Early);
        LogRinging(CallId, fork.Peer, provisional.StatusCode);
    }

    private async ValueTask OnAnsweredAsync(LegAnswered answered)
    {
        var fork = answered.Leg;
        if (_transferForks.Contains(fork))
        {
            await OnTransferAnsweredAsync(fork, answered.Sdp).ConfigureAwait(false);
            return;
        }

        if (_answered is not null || !_forks.Contains(fork))
        {
            fork.Hangup(); // a second device answered at the same moment: it loses
            return;
        }

        var negotiated = fork == _earlyMedia ? fork.Negotiated : Negotiate(fork, answered.Sdp);
        if (negotiated is null)
        {
            fork.Hangup();
            LogUnusableAnswer(CallId, fork.Peer);
            if (_forks.All(other => other == fork || other.IsOver)) RefuseCaller(new BridgedCallEnd(HangupCauses.Failed, HangupSides.Callee, 488), "Not Acceptable Here");
            return;
        }

        _answered = fork;
        KeepTrunkOf(fork);
        _ringing = [];
        _ringTimer?.Dispose();
        foreach (var other in _forks.Where(other => other != fork))
        {
            other.Hangup(); // CANCEL the devices still ringing
            ReportCallee(other, Presence.DialogState.Terminated);
        }
        if (_earlyMedia is not null && _earlyMedia != fork) await DropEarlyMediaAsync().ConfigureAwait(false);
        await StartCalleeMediaAsync(fork, negotiated).ConfigureAwait(false);
        if (_originating)
        {
            OriginateAnswered(fork);
            return;
        }

        if (_application is not null)
        {
            ConnectApplicationBridge(fork);
            return;
        }

        if (_caller.Negotiated is null)
        {
            // The caller's INVITE had no SDP: our offer goes in the 200, its answer comes in the ACK (RFC 3264 §5).
            _awaitingCallerAnswer = true;
            if (!Inbound.Session.Accept(SdpWriter.Write(_caller.OfferAnswer.CreateOffer()))) CallerGone();
            return;
        }

        await StartCallerMediaAsync().ConfigureAwait(false);
        Connect();
        if (!Inbound.Session.Accept(SdpWriter.Write(_caller.OfferAnswer.LocalDescription ?? _caller.OfferAnswer.CreateAnswer())))
        {
            CallerGone();
            return;
        }

        MarkAnswered();
    }

    private async ValueTask OnFailedAsync(LegFailed failed)
    {
        var fork = failed.Leg;
        fork.FailureStatus = failed.StatusCode;
        if (_transferForks.Contains(fork))
        {
            await OnTransferForkFailedAsync().ConfigureAwait(false);
            return;
        }

        if (_answered is not null || !_forks.Contains(fork)) return;
        LogForkFailed(CallId, fork.Peer, failed.StatusCode, failed.Reason);
        if (_trunkOf.Remove(fork, out var trunk))
        {
            await OnTrunkFailedAsync(fork, trunk, failed.StatusCode).ConfigureAwait(false);
            return;
        }

        ReportCallee(fork, Presence.DialogState.Terminated);
        if (fork == _earlyMedia) await DropEarlyMediaAsync().ConfigureAwait(false);
        if (!_forks.All(other => other.FailureStatus != 0)) return;

        var status = FinalStatusOf(_forks);
        var end = BridgedCallEnd.Unanswered(status);
        var next = end.Cause == HangupCauses.Busy ? _target.OnBusy : status == 480 ? _target.OnNoAnswer : null;
        await NextStepOrRefuseAsync(next, end, null).ConfigureAwait(false);
    }

    private async ValueTask OnRingTimedOutAsync(RingTimedOut timedOut)
    {
        if (_transfer is { } transfer && timedOut.Step == transfer.Step)
        {
            await FailTransferAsync(480, "Temporarily Unavailable").ConfigureAwait(false);
            return;
        }

        if (_answered is not null || timedOut.Step != _step) return;
        LogNoAnswer(CallId, _target.Name, (int)_target.RingTime.TotalSeconds);
        foreach (var fork in _forks)
        {
            fork.Hangup();
            ReportCallee(fork, Presence.DialogState.Terminated);
        }
        await NextStepOrRefuseAsync(_target.OnNoAnswer, BridgedCallEnd.NoAnswer, "No Answer").ConfigureAwait(false);
    }

    private async ValueTask NextStepOrRefuseAsync(DialTarget? next, BridgedCallEnd end, string? reason)
    {
        if (next is not null && _step < MaxSteps)
        {
            LogForwarding(CallId, _target.Name, next.Name, end.Cause);
            await DialAsync(next).ConfigureAwait(false);
            return;
        }

        RefuseCaller(end, reason);
    }

    /// <summary>The caller gets the final status (its INVITE transaction ends) and the call is over.</summary>
    private void RefuseCaller(BridgedCallEnd end, string? reason)
    {
        if (_originating)
        {
            OriginateFailed(end);
            return;
        }

        if (_application is not null)
        {
            // An application's bridge that reached nobody: the caller, answered long ago, goes back to the application.
            EndUnansweredApplicationBridge(OutcomeOf(end));
            return;
        }

        Inbound.Session.Reject(end.SipStatus ?? 480, reason);
        Finish(end);
    }

    /// <summary>The caller cancelled or hung up while we answered it: the callee that answered is hung up too.</summary>
    private void CallerGone() => Finish(BridgedCallEnd.Cancelled);

    private NegotiationResult? Negotiate(CalleeLeg fork, ReadOnlyMemory<byte> sdp)
    {
        if (sdp.IsEmpty || SdpParser.TryParse(sdp.Span, out var description, out _) != SdpParseStatus.Ok) return null;
        if (fork.OfferAnswer.State != OfferAnswerState.OfferSent) return fork.Negotiated;
        var negotiated = fork.OfferAnswer.ReceiveAnswer(description!);
        return negotiated is { IsAccepted: true, Codec: not null } ? negotiated : null;
    }
}
