using Softswitch.Calls.Records;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Softswitch.Calls.Legs;
using Softswitch.Calls.Routing;
using Softswitch.Calls.Supervision;
using Softswitch.Media.Legs;
using Softswitch.Media.Recording;
using Softswitch.Media.Rtp;
using Softswitch.Media.Sdp;
using Softswitch.Sip.Messages;
using Softswitch.Calls.Media;
using Softswitch.Sip.Stack;
using Softswitch.Sip.Transactions;

namespace Softswitch.Calls.Bridging;

/// <summary>
/// A call the switch connects to another party (B2BUA): the caller's leg, the legs it dials for the callee (every
/// registered contact at once, the first 2xx wins), and the media bridge between them. One mailbox and one loop: every
/// SIP event of every leg, the ring timer and commands from outside (watchdog, shutdown) are posted and handled here
/// one at a time, so no state is touched on a socket or timer thread.
/// </summary>
public sealed partial class BridgedCall : IBridgedCallMailbox
{
    private readonly Channel<CallEvent> _mailbox = Channel.CreateUnbounded<CallEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly BridgeContext _context;
    /// <summary>The caller's leg: the inbound INVITE's, or for a call the switch placed, the leg that answered it.</summary>
    private CallLeg _caller;

    /// <summary>The party on the caller's side of the bridge: the caller, or after the caller transferred the call, the callee it handed on.</summary>
    private CallLeg _partyA;
    private readonly ILogger<BridgedCall> _logger;
    private readonly List<CalleeLeg> _forks = [];
    private readonly DateTimeOffset _started;
    private readonly long _startedTimestamp;
    private DialTarget _target;
    private CallAdmissionTicket? _admission;
    private CallRegistry? _registry;
    private RtpPortPair? _calleePorts;
    private CalleeLeg? _earlyMedia;
    private CallLeg? _answered;
    private bool _callerRinging;
    private bool _awaitingCallerAnswer;
    private ITimer? _ringTimer;
    private int _step;
    private BridgedCallEnd? _end;

    private BridgedCall(BridgeContext context, ServerTransaction invite, CallSource source, DialPlanRoute route, DialTarget target,
        RtpPortPair callerPorts, OfferAnswerSession callerOfferAnswer)
        : this(context, source, route, target, invite.Request.CallId, invite.Request.RequestUri.User ?? "",
            source.DisplayName ?? invite.Request.From.DisplayName,
            call => new CallerLeg(call, call.CallId, source.Number, callerPorts, callerOfferAnswer))
    {
        if (source.IsTrunk) _caller.Trunk = source.Name;
    }

    /// <summary>What every call starts with, inbound or placed by the switch: who, where to, its ids and its caller leg.</summary>
    private BridgedCall(BridgeContext context, CallSource source, DialPlanRoute route, DialTarget target, string callId, string dialled,
        string? callerName, Func<BridgedCall, CallLeg> callerLeg)
    {
        _context = context;
        _logger = context.Loggers.CreateLogger<BridgedCall>();
        Route = route;
        _target = target;
        Source = source;
        Caller = source.Number;
        CallerName = callerName;
        Dialled = dialled;
        CallId = callId;
        _caller = callerLeg(this);
        _partyA = _caller;
        Uuid = RecordingPaths.NewCallUuid(context.Time);
        _started = context.Time.GetUtcNow();
        _startedTimestamp = context.Time.GetTimestamp();
    }

    public string CallId { get; }

    public string Uuid { get; private set; }

    /// <summary>Who is calling: an extension or a trunk, and the context it dials in.</summary>
    public CallSource Source { get; }

    /// <summary>The caller's number: the calling extension, or the caller ID a carrier sent.</summary>
    public string Caller { get; }

    public string? CallerName { get; }

    public string Dialled { get; }

    public DialPlanRoute Route { get; }

    /// <summary>
    /// Takes an authenticated INVITE for <paramref name="target"/>: 488 for SDP we cannot read or no common codec, 503
    /// when media ports run out or the switch is draining; otherwise the call joins the registry and runs on its own.
    /// </summary>
    public static void Start(BridgeContext context, ServerTransaction invite, CallSource caller, DialPlanRoute route, DialTarget target,
        CallAdmissionTicket? admission) => Start(context, invite, caller, route, target, admission, null);

    private static void Start(BridgeContext context, ServerTransaction invite, CallSource caller, DialPlanRoute route, DialTarget target,
        CallAdmissionTicket? admission, Softswitch.Channels.ICallApplication? application)
    {
        var request = invite.Request;
        SessionDescription? offer = null;
        if (!request.Body.IsEmpty && SdpParser.TryParse(request.Body.Span, out offer, out var sdpError) != SdpParseStatus.Ok)
        {
            Refuse(context, invite, admission, 488, "Unreadable SDP", sdpError ?? "unreadable SDP");
            return;
        }

        if (!context.Media.Ports.TryAllocate(out var ports))
        {
            Refuse(context, invite, admission, 503, "Media Ports Exhausted", "no free RTP ports");
            return;
        }

        var offerAnswer = new OfferAnswerSession(new LocalMediaOptions
        {
            Address = context.Media.Address.ToString(), RtpPort = ports!.RtpPort, Codecs = CallCodecs.Offered,
        }, context.Time);
        var call = new BridgedCall(context, invite, caller, route, target, ports, offerAnswer) { _admission = admission, _application = application };
        if (offer is not null)
        {
            var negotiated = offerAnswer.ReceiveOffer(offer);
            if (!negotiated.IsAccepted || negotiated.Codec is null)
            {
                ports.Dispose();
                Refuse(context, invite, admission, negotiated.RejectStatusCode ?? 488, null, negotiated.Error ?? "no common codec");
                return;
            }

            call._caller.Negotiated = negotiated;
        }

        if (!context.Registry.TryAdd(call))
        {
            ports.Dispose();
            Refuse(context, invite, admission, 503, "Shutting Down", "shutting down");
            return;
        }

        call._registry = context.Registry;
        var session = context.Sessions.CreateSession(invite, call.Inbound);
        call.Inbound.Attach(session);
        if (session.RejectIfSessionIntervalTooSmall())
        {
            // 422 with our Min-SE went out (RFC 4028 §8.1): the phone retries with a longer interval.
            context.Registry.Remove(call);
            ports.Dispose();
            admission?.Dispose();
            return;
        }

        call.ReportCaller(Presence.DialogState.Trying);
        _ = call.RunAsync();
    }

    private static void Refuse(BridgeContext context, ServerTransaction invite, CallAdmissionTicket? admission, int status, string? reason, string why)
    {
        admission?.Dispose();
        IReadOnlyList<KeyValuePair<string, string>> headers = status == 503 ? [new("Retry-After", "10")] : [];
        invite.Respond(status, reason, toTag: SipIds.NewTag(), headers: headers);
        LogRefused(context.Loggers.CreateLogger<BridgedCall>(), invite.Request.CallId, status, why);
    }

    /// <summary>Any thread: queues the event for the call's loop (dropped once the call is over).</summary>
    public void Post(CallEvent message)
    {
        if (!_mailbox.Writer.TryWrite(message)) ForwardIfHandedOver(message);
    }

    private async Task RunAsync()
    {
        try
        {
            if (_application is null || _originating) await DialAsync(_target).ConfigureAwait(false);
            else await BeginApplicationAsync().ConfigureAwait(false);
            while (_end is null && await _mailbox.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (_end is null && _mailbox.Reader.TryRead(out var message))
                {
                    await HandleAsync(message).ConfigureAwait(false);
                }
            }
        }
        catch (Exception error)
        {
            LogFailed(error, CallId);
            _end ??= new BridgedCallEnd(HangupCauses.Failed, HangupSides.Switch);
            HangUpEveryLeg(null);
        }
        finally
        {
            _mailbox.Writer.TryComplete();
            await ReleaseAsync().ConfigureAwait(false);
        }
    }

    private ValueTask HandleAsync(CallEvent message) => message switch
    {
        LegProvisional provisional => OnProvisionalAsync(provisional),
        LegAnswered answered => OnAnsweredAsync(answered),
        LegFailed failed => OnFailedAsync(failed),
        LegEnded ended => OnEnded(ended),
        LegAcknowledged acknowledged => OnAcknowledgedAsync(acknowledged),
        LegReInvite reInvite => OnReInviteAsync(reInvite),
        LegInfo info => OnInfo(info),
        LegRequest request => OnRequestAsync(request),
        RingTimedOut timedOut => OnRingTimedOutAsync(timedOut),
        HangupRequested hangup => OnHangupRequested(hangup),
        PickupRequested pickup => OnPickupAsync(pickup),
        HandOverRequested request => OnHandOverRequested(request),
        LegHandedOver handedOver => OnLegHandedOverAsync(handedOver),
        HandOverRefused refused => OnHandOverRefusedAsync(refused),
        ReplaceRequested replace => OnReplaceRequestedAsync(replace),
        AnswerDue => AnswerForApplicationAsync(),
        BridgeRequested bridge => OnBridgeRequestedAsync(bridge),
        OriginateCancelled => OnOriginateCancelled(),
        _ => ValueTask.CompletedTask,
    };

    /// <summary>Ends the call: every leg still up is hung up (BYE, CANCEL or 480) and the loop stops.</summary>
    private void Finish(BridgedCallEnd end, string? reasonHeader = null)
    {
        _end ??= end;
        _ringing = [];
        HangUpEveryLeg(reasonHeader);
        EndApplication();
    }

    private void HangUpEveryLeg(string? reasonHeader)
    {
        _ringTimer?.Dispose();
        HangUp(_caller);
        if (_partyA != _caller) HangUp(_partyA);
        foreach (var fork in _forks) HangUp(fork);
        foreach (var fork in _transferForks) HangUp(fork);
        if (_answered is CallerLeg picker) HangUp(picker);
        foreach (var leg in _adopted) HangUp(leg);

        // A leg handed over to another call (attended transfer) talks on there.
        void HangUp(CallLeg leg)
        {
            if (leg != _handedOver) leg.Hangup(reasonHeader);
        }
    }

    private ValueTask OnHangupRequested(HangupRequested hangup)
    {
        Finish(new BridgedCallEnd(hangup.Cause, SideOf(hangup)), hangup.ReasonHeader);
        return ValueTask.CompletedTask;
    }
}
