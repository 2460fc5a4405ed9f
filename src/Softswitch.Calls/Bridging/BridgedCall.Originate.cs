using Microsoft.Extensions.Logging;
using Softswitch.Calls.Media;
using Softswitch.Media.Recording;
using Softswitch.Calls.Records;
using Softswitch.Calls.Routing;
using Softswitch.Calls.Supervision;
using Softswitch.Channels;
using Softswitch.Media.Rtp;
using Softswitch.Media.Sdp;
using Softswitch.Sip.Messages;

namespace Softswitch.Calls.Bridging;

/// <summary>
/// A call the switch places itself (<see cref="ICallOriginator"/>): there is no inbound INVITE, so the first step dials
/// the destination with the same forks, trunk failover and ring timer as any callee; the leg that answers becomes the
/// call's caller leg and the application runs on it, bridging to others like any application's call. Until then the
/// caller leg is a stand-in that was never sent (no session): it only holds the port pair the forks share.
/// </summary>
public sealed partial class BridgedCall
{
    /// <summary>True while an originated call's first step rings.</summary>
    private bool _originating;

    /// <summary>The originator's answer: completed at the answer, when nobody answered, or at release at the latest.</summary>
    private TaskCompletionSource<OriginateResult>? _originated;

    /// <summary>Fields the originator set for the row (e.g. <c>callback_for</c>), written even when nobody answered.</summary>
    private IReadOnlyDictionary<string, string>? _originFields;

    /// <summary>The caller's leg as the inbound INVITE's server session (never asked of an originated call).</summary>
    private CallerLeg Inbound => (CallerLeg)_caller;

    private BridgedCall(BridgeContext context, CallSource source, DialPlanRoute route, DialTarget target, OriginateRequest request,
        RtpPortPair ports)
        : this(context, source, route, target, SipIds.NewCallId(context.Domain), request.Destination, source.DisplayName,
            call => new CalleeLeg(call, request.Destination, ports, new OfferAnswerSession(new LocalMediaOptions
            {
                Address = context.Media.Address.ToString(), RtpPort = ports.RtpPort, Codecs = CallCodecs.Offered,
            }, context.Time)))
    {
        _calleePorts = ports; // the forks of the first step ring on the caller leg's ports
        _application = request.Application;
        _originating = true;
        _originated = new TaskCompletionSource<OriginateResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _originFields = request.RecordFields;
    }

    /// <summary>
    /// Places a call from <paramref name="source"/> to <paramref name="target"/> (resolved from the request's destination
    /// by <paramref name="route"/>); the result completes once it is answered or not reached. Refused at once when no
    /// media ports are free or the switch is draining.
    /// </summary>
    public static Task<OriginateResult> Originate(BridgeContext context, CallSource source, DialPlanRoute route, DialTarget target,
        OriginateRequest request, CallAdmissionTicket? admission, CancellationToken cancellationToken)
    {
        if (!context.Media.Ports.TryAllocate(out var ports))
        {
            admission?.Dispose();
            LogRefused(context.Loggers.CreateLogger<BridgedCall>(), "-", 503, "no free RTP ports to originate");
            return Task.FromResult(NotPlaced(OriginateOutcome.Refused));
        }

        if (request.RingTime is { } ringTime) target = target with { RingTime = ringTime };
        var call = new BridgedCall(context, source, route, target, request, ports!) { _admission = admission };
        if (!context.Registry.TryAdd(call))
        {
            ports!.Dispose();
            admission?.Dispose();
            return Task.FromResult(NotPlaced(OriginateOutcome.Refused));
        }

        call._registry = context.Registry;
        call.LogOriginating(call.CallId, source.Name, request.Destination, target.Name, source.Number);
        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(() => call.Post(new OriginateCancelled()));
            _ = call.WhenReleased.ContinueWith(_ => registration.Dispose(), TaskScheduler.Default);
        }

        _ = call.RunAsync();
        return call._originated!.Task;
    }

    /// <summary>A result for a call that was never placed.</summary>
    public static OriginateResult NotPlaced(OriginateOutcome outcome) => new(outcome, null, null, Task.CompletedTask);

    /// <summary>
    /// A fork of the first step answered (its media runs): it becomes the caller leg, its ports the caller's, and the
    /// application starts on it; the next bridge rings on a port pair of its own.
    /// </summary>
    private void OriginateAnswered(CalleeLeg fork)
    {
        _originating = false;
        _answered = null;
        _forks.Clear(); // the others were cancelled; their late answers find no fork and are ignored
        _calleePorts = null;
        _caller = fork;
        _partyA = fork;
        fork.StartReceiving();
        StartApplication();
        _originated?.TrySetResult(new OriginateResult(OriginateOutcome.Answered, Uuid, fork.Party, WhenReleased));
    }

    /// <summary>Nobody answered the first step (busy, no answer, nobody to ring): the call is over.</summary>
    private void OriginateFailed(BridgedCallEnd end)
    {
        _originating = false;
        LogOriginateFailed(CallId, Dialled, end.Cause);
        _originated?.TrySetResult(new OriginateResult(OutcomeOf(end) switch
        {
            BridgeOutcome.Busy => OriginateOutcome.Busy,
            BridgeOutcome.NoAnswer => OriginateOutcome.NoAnswer,
            _ => OriginateOutcome.Unavailable,
        }, Uuid, null, WhenReleased));
        Finish(end);
    }

    /// <summary>The originator gave up before the answer: the ringing stops; once answered, the call goes on.</summary>
    private ValueTask OnOriginateCancelled()
    {
        if (_originating) OriginateFailed(BridgedCallEnd.Cancelled);
        return ValueTask.CompletedTask;
    }

    /// <summary>At release: an originator still waiting hears the call is over (ended before any answer).</summary>
    private void CompleteOriginate() =>
        _originated?.TrySetResult(new OriginateResult(OriginateOutcome.Unavailable, Uuid, null, WhenReleased));

    /// <summary>The row's fields: the originator's first, then the application's (the last value set for a name wins).</summary>
    private Dictionary<string, string>? RecordFieldsForRow()
    {
        var fromApplication = ApplicationFields;
        if (_originFields is not { Count: > 0 } && fromApplication is null) return null;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in _originFields ?? new Dictionary<string, string>()) fields[name] = value;
        foreach (var (name, value) in fromApplication ?? new Dictionary<string, string>()) fields[name] = value;
        return fields;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: {Requester} originates a call to {Destination} ({Target}) as {CallerId}")]
    private partial void LogOriginating(string callId, string requester, string destination, string target, string callerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: originated call to {Destination} not answered ({Cause})")]
    private partial void LogOriginateFailed(string callId, string destination, string cause);
}
