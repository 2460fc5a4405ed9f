using Microsoft.Extensions.Logging;
using Softswitch.Calls.Media;
using Softswitch.Calls.Routing;
using Softswitch.Calls.Supervision;
using Softswitch.Media.Codecs;
using Softswitch.Media.Dtmf;
using Softswitch.Media.Legs;
using Softswitch.Media.Playback;
using Softswitch.Media.Recording;
using Softswitch.Media.Rtp;
using Softswitch.Media.Sdp;
using Softswitch.Sip.Dialogs;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Stack;
using Softswitch.Sip.Transactions;

namespace Softswitch.Calls.Legs;

/// <summary>
/// A call we answer ourselves, from INVITE to the last packet: offer/answer (the caller's offer, or ours in the 200
/// when the INVITE came without SDP and the answer in the ACK), media ports, ringing for the route's
/// <c>answer_after</c>, the media leg, the greeting with barge-in, the recording, then the route's
/// <see cref="ICallFeature"/>. Reads top to bottom in <see cref="RunAsync"/>; SIP events arrive one at a time per call
/// (the dispatcher's worker for this Call-ID) and only complete tasks or cancel <see cref="Ended"/>.
/// </summary>
public sealed partial class InboundCall : IInviteSessionOwner
{
    private readonly CallMediaOptions _media;
    private readonly OfferAnswerSession _offerAnswer;
    private readonly RtpPortPair _ports;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger<InboundCall> _logger;
    private readonly ICallFeature _feature;
    private readonly CancellationTokenSource _ended = new();
    private readonly TaskCompletionSource _whenEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<ReadOnlyMemory<byte>> _ack = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private NegotiationResult? _negotiated;
    private InviteServerSession? _session;
    private MediaLeg? _leg;
    private PromptPlayer? _player;
    private CallRecorder? _recorder;
    private DateTimeOffset _recordingStarted;
    private InboundCallEnd? _end;
    private readonly DateTimeOffset _started;
    private readonly long _startedTimestamp;

    private InboundCall(CallMediaOptions media, OfferAnswerSession offerAnswer, RtpPortPair ports, DialPlanRoute route, ICallFeature feature,
        string callId, TimeProvider time, ILoggerFactory loggers)
    {
        _media = media;
        _offerAnswer = offerAnswer;
        _ports = ports;
        Route = route;
        _feature = feature;
        CallId = callId;
        _time = time;
        _loggers = loggers;
        _logger = loggers.CreateLogger<InboundCall>();
        Uuid = RecordingPaths.NewCallUuid(time);
        _started = time.GetUtcNow();
        _startedTimestamp = time.GetTimestamp();
    }

    public string CallId { get; }

    /// <summary>
    /// The id the switch drew for this call: unique where the Call-ID is whatever the caller sent, so it names the
    /// recording (a reused Call-ID must never reach another call's file).
    /// </summary>
    public string Uuid { get; private set; }

    public DialPlanRoute Route { get; }

    /// <summary>Cancelled when the call is over, whichever side ended it.</summary>
    public CancellationToken Ended => _ended.Token;

    /// <summary>Completes (never faults) when the call is over: what a feature awaits once its media is set up.</summary>
    public Task WhenEnded => _whenEnded.Task;

    /// <summary>The call's media; set before the feature runs.</summary>
    public MediaLeg Media => _leg ?? throw new InvalidOperationException("the call has no media yet");

    /// <summary>Plays prompts and music to the caller.</summary>
    public PromptPlayer Player => _player ?? throw new InvalidOperationException("the call has no media yet");

    /// <summary>What the caller dialled (the Request-URI user).</summary>
    public string Dialled => _session?.Invite.RequestUri.User ?? "";

    /// <summary>For the objects a feature makes for this call (bridges).</summary>
    public ILoggerFactory LoggerFactory => _loggers;

    /// <summary>Shared services: prompts, clock, folders.</summary>
    public CallMediaOptions MediaOptions => _media;

    /// <summary>
    /// Takes an authenticated INVITE routed to <paramref name="feature"/>: 488 for SDP we cannot read or no common codec,
    /// 503 when media ports run out or the switch is shutting down (<paramref name="active"/> closed); otherwise the call
    /// joins <paramref name="active"/> and runs on its own until it ends. The call gives <paramref name="admission"/> back
    /// when it ends (or here, when refused) and is watched by <paramref name="watchdog"/> once answered.
    /// </summary>
    public static void Start(ServerTransaction invite, SessionRouter sessions, CallMediaOptions media, DialPlanRoute route, ICallFeature feature,
        TimeProvider time, ILoggerFactory loggers, CallRegistry active, CallAdmissionTicket? admission = null, CallWatchdog? watchdog = null,
        Presence.ExtensionActivity? activity = null)
    {
        var request = invite.Request;
        var logger = loggers.CreateLogger<InboundCall>();
        SessionDescription? offer = null;
        if (!request.Body.IsEmpty && SdpParser.TryParse(request.Body.Span, out offer, out var sdpError) != SdpParseStatus.Ok)
        {
            admission?.Dispose();
            invite.Respond(488, "Unreadable SDP", toTag: SipIds.NewTag());
            LogRefused(logger, request.CallId, 488, sdpError ?? "unreadable SDP");
            return;
        }

        if (!media.Ports.TryAllocate(out var ports))
        {
            admission?.Dispose();
            invite.Respond(503, "Media Ports Exhausted", toTag: SipIds.NewTag(), headers: [new("Retry-After", "10")]);
            LogRefused(logger, request.CallId, 503, "no free RTP ports");
            return;
        }

        var offerAnswer = new OfferAnswerSession(new LocalMediaOptions { Address = media.Address.ToString(), RtpPort = ports!.RtpPort, Codecs = CallCodecs.Offered }, time);
        var call = new InboundCall(media, offerAnswer, ports, route, feature, request.CallId, time, loggers)
        {
            _admission = admission,
            _watchdog = watchdog,
            _activity = activity,
        };
        if (offer is not null)
        {
            var negotiated = offerAnswer.ReceiveOffer(offer);
            if (!negotiated.IsAccepted || negotiated.Codec is null)
            {
                ports.Dispose();
                admission?.Dispose();
                invite.Respond(negotiated.RejectStatusCode ?? 488, toTag: SipIds.NewTag());
                LogRefused(logger, request.CallId, negotiated.RejectStatusCode ?? 488, negotiated.Error ?? "no common codec");
                return;
            }

            call._negotiated = negotiated;
        }

        if (!call.TryJoin(active))
        {
            ports.Dispose();
            admission?.Dispose();
            invite.Respond(503, "Shutting Down", toTag: SipIds.NewTag(), headers: [new("Retry-After", "30")]);
            LogRefused(logger, request.CallId, 503, "shutting down");
            return;
        }

        call._session = sessions.CreateSession(invite, call);
        call.ReportActivity(Presence.DialogState.Trying);
        _ = call.RunAsync();
    }

    /// <summary>Ends the call from our side (BYE once answered, 480 before).</summary>
    public void Hangup()
    {
        _end ??= InboundCallEnd.WeHungUp;
        _session?.Hangup();
        MarkEnded();
    }

    private async Task RunAsync()
    {
        var session = _session!;
        try
        {
            if (Route.AnswerAfter > TimeSpan.Zero)
            {
                if (session.Ring()) ReportActivity(Presence.DialogState.Early);
                await Task.Delay(Route.AnswerAfter, _time, Ended).ConfigureAwait(false);
            }

            if (!await AnswerAsync(session).ConfigureAwait(false)) return;
            ReportActivity(Presence.DialogState.Confirmed);
            StartWatching(_negotiated!);
            LogAnswered(CallId, _feature.Name, _negotiated!.Codec!.ToString(), _leg!.LocalRtpEndPoint.ToString(), NegotiatedEndpoints.Rtp(_negotiated)?.ToString() ?? "-");
            _ = ReadDigitsAsync();
            await PlayGreetingAsync().ConfigureAwait(false);
            if (!Ended.IsCancellationRequested) await _feature.RunAsync(this).ConfigureAwait(false);
            if (!Ended.IsCancellationRequested) Hangup();
        }
        catch (OperationCanceledException) when (Ended.IsCancellationRequested)
        {
            // The caller hung up or cancelled while we rang, waited for the ACK or played.
        }
        catch (Exception error)
        {
            LogFailed(error, CallId);
            Hangup();
        }
        finally
        {
            await ReleaseAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// 200 OK with our answer and media running at once (early offer), or with our offer and media from the ACK's
    /// answer (late offer, RFC 3261 §13.2.1). False when the call ended before media could start.
    /// </summary>
    private async Task<bool> AnswerAsync(InviteServerSession session)
    {
        if (_negotiated is not null)
        {
            StartMedia(_negotiated);
            if (session.Accept(SdpWriter.Write(_offerAnswer.CreateAnswer()))) return true;
            _end ??= InboundCallEnd.Cancelled;
            return false;
        }

        if (!session.Accept(SdpWriter.Write(_offerAnswer.CreateOffer())))
        {
            _end ??= InboundCallEnd.Cancelled;
            return false;
        }

        var answer = await _ack.Task.WaitAsync(Ended).ConfigureAwait(false);
        if (answer.IsEmpty || SdpParser.TryParse(answer.Span, out var description, out _) != SdpParseStatus.Ok
            || _offerAnswer.ReceiveAnswer(description!) is not { IsAccepted: true, Codec: not null } negotiated)
        {
            // §13.3.1.4: an ACK without a usable answer cannot be refused, so the call is ended with BYE.
            LogNoAnswerInAck(CallId);
            _end = InboundCallEnd.NoAnswerInAck;
            Hangup();
            return false;
        }

        _negotiated = negotiated;
        StartMedia(negotiated);
        return true;
    }

    private void StartMedia(NegotiationResult negotiated)
    {
        _leg = new MediaLeg(new MediaLegOptions
        {
            Ports = _ports,
            Codec = negotiated.Codec!,
            TelephoneEventPayloadType = negotiated.TelephoneEventPayloadType,
            TelephoneEventClockRate = negotiated.TelephoneEvent?.ClockRate ?? 8000,
            RemoteRtp = NegotiatedEndpoints.Rtp(negotiated),
            RemoteRtcp = NegotiatedEndpoints.Rtcp(negotiated),
            RelatchAfter = _media.RelatchAfter,
            SignallingHost = _session?.Flow.Address.Address,
            CallId = CallId,
        }, _time, _loggers);
        _leg.CanSend = negotiated.CanSend;
        _player = new PromptPlayer(_leg, _media.Clock);
        if (Route.Record)
        {
            _recorder = StartRecording(negotiated.Codec!);
            _leg.Tap = _recorder;
            LogRecording(CallId, _recorder.Path);
        }

        _leg.Start();
    }

    private CallRecorder StartRecording(MediaFormat codec)
    {
        var uuid = Uuid;
        var recorder = CallRecordings.Start(_media, codec, _time, _loggers, ref uuid, out _recordingStarted);
        Uuid = uuid;
        return recorder;
    }

    /// <summary>Tells the catalog (the host's <c>recordings</c> table) which file holds this call, once it is closed.</summary>
    private void CatalogRecording(CallRecorder recorder) =>
        CallRecordings.Catalog(_media, recorder, CallId, Uuid, _recordingStarted, _time.GetUtcNow(), _session?.Invite.From.Uri.User, Dialled);

    /// <summary>The route's greeting, in the codec of this call, cut short by any key.</summary>
    private async Task PlayGreetingAsync()
    {
        if (Route.Greeting is not { } name) return;
        var prompt = Prompt(name);
        if (prompt is null) return;
        var result = await Player.PlayAsync([prompt], interruptible: true, Ended).ConfigureAwait(false);
        LogGreetingDone(CallId, name, result.ToString());
    }

    /// <summary>A prompt by name in the call's codec, or null (logged) when it is missing or broken: the call goes on without it.</summary>
    public EncodedAudio? Prompt(string name)
    {
        // Spoken prompts live under a language; music and tones are the same in every language (sounds/music/).
        var path = PromptFiles.Resolve(_media, name);
        if (path is null)
        {
            LogPromptMissing(CallId, name, _media.SoundsFolder);
            return null;
        }

        try
        {
            return _media.Prompts.Get(path, Media.Codec);
        }
        catch (PromptLoadException error)
        {
            LogPromptBroken(CallId, name, error.Message);
            return null;
        }
    }

    /// <summary>Every digit is logged once with its method (within the call's budget) and interrupts an interruptible prompt (barge-in).</summary>
    private async Task ReadDigitsAsync()
    {
        var leg = _leg!;
        try
        {
            await foreach (var digit in leg.Digits.Reader.ReadAllAsync(Ended).ConfigureAwait(false))
            {
                LogDigitLimited(digit);
                if (_player!.Interrupt(digit.Digit)) LogBargeIn(CallId, digit.Digit.ToChar());
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            LogLastDigitSummary();
        }
    }

    public void OnAcknowledged(InviteServerSession session, ReadOnlyMemory<byte> sdp)
    {
        if (Interlocked.Exchange(ref _reOfferPending, 0) == 1) ApplyReOfferAnswer(sdp);
        else _ack.TrySetResult(sdp);
    }

    public void OnInfo(InviteServerSession session, string? contentType, ReadOnlyMemory<byte> body) => _leg?.OnSipInfo(contentType, body.Span);

    public void OnBye(InviteServerSession session) => End(InboundCallEnd.CallerHungUp);

    public void OnCancelled(InviteServerSession session) => End(InboundCallEnd.Cancelled);

    public void OnFailed(InviteServerSession session, InviteSessionFailure failure) =>
        End(failure == InviteSessionFailure.AckTimeout ? InboundCallEnd.NoAck : InboundCallEnd.TransportError);

    private void End(InboundCallEnd why)
    {
        _end ??= why;
        MarkEnded();
    }

    private void MarkEnded()
    {
        // Off the SIP thread: cancellation and completion run the call's continuations.
        _ = _ended.CancelAsync();
        _whenEnded.TrySetResult();
    }

    private async Task ReleaseAsync()
    {
        StopWatching();
        try
        {
            _player?.Stop();
            if (_leg is { } leg)
            {
                leg.Consumer = null;
                leg.Tap = null;
                var rtcp = leg.Rtcp;
                LogEnded(CallId, _feature.Name, (_end ?? InboundCallEnd.WeHungUp).Describe(), leg.PacketsSent, leg.PacketsReceived, rtcp.PacketsLost, rtcp.Duplicates, rtcp.Jitter.TotalMilliseconds,
                    leg.OtherSourcePacketsDropped,
                    rtcp.PeerReport is { } peer ? $"{peer.CumulativeLost} lost, jitter {peer.Jitter} units" : "none");
                await leg.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                LogEndedWithoutMedia(CallId, _feature.Name, (_end ?? InboundCallEnd.WeHungUp).Describe());
            }

            if (_recorder is not null)
            {
                await _recorder.DisposeAsync().ConfigureAwait(false);
                CatalogRecording(_recorder);
            }
        }
        catch (Exception error)
        {
            LogFailed(error, CallId);
        }
        finally
        {
            // The token source is not disposed: a partner (meet-me) may still call Hangup, which must stay harmless.
            WriteRecord();
            ReleaseAdmission();
            _ports.Dispose();
            Leave();
            ReportActivity(Presence.DialogState.Terminated);
        }
    }
}
