using Microsoft.Extensions.Logging;
using Softswitch.Calls.Records;
using Softswitch.Channels;
using Softswitch.Media.Audio;
using Softswitch.Media.Playback;
using Softswitch.Media.Sdp;

namespace Softswitch.Calls.Bridging;

/// <summary>
/// A call the switch answers itself for an application (echo, music, meet-me, an IVR flow, a queue): the caller's leg
/// is answered after the route's ringing time, the application runs on a <see cref="CallChannel"/> off the loop, and
/// its bridges ring a destination like any other call while the caller hears ringback or music. A bridge that fails
/// or whose party hangs up gives the caller back to the application.
/// </summary>
public sealed partial class BridgedCall
{
    private ICallApplication? _application;
    private CallChannel? _channel;
    private TaskCompletionSource<BridgeResult>? _applicationBridge;
    private BridgeRequest? _applicationBridgeRequest;
    private Action<string>? _applicationBridgeTransferred;
    private PromptPlayer? _ringback;
    private long _partyAnsweredAt;

    /// <summary>The last party an application's bridge reached: its leg stays for the call's row after it hung up.</summary>
    private CallLeg? _lastParty;

    private ITimer? _answerTimer;

    /// <summary>The application's run (greeting and flow), done once it has returned and set its record fields.</summary>
    private Task _applicationRun = Task.CompletedTask;

    /// <summary>How long the call's end waits for its application to finish before writing the row without it.</summary>
    private static readonly TimeSpan ApplicationFinishWait = TimeSpan.FromSeconds(2);

    /// <summary>The fields the application set for the call's row, or null.</summary>
    private IReadOnlyDictionary<string, string>? ApplicationFields => _channel?.RecordFields is { Count: > 0 } fields ? fields : null;

    /// <summary>
    /// Takes an authenticated INVITE for <paramref name="application"/>: refused as <see cref="Start"/> refuses, otherwise
    /// the call rings for the route's <c>answer_after</c>, is answered by the switch and runs the application.
    /// </summary>
    public static void StartApplication(BridgeContext context, Softswitch.Sip.Transactions.ServerTransaction invite, CallSource caller,
        Routing.DialPlanRoute route, ICallApplication application, Supervision.CallAdmissionTicket? admission) =>
        Start(context, invite, caller, route, new DialTarget(application.Name, [], TimeSpan.Zero), admission, application);

    /// <summary>First step of an application's call: ring for the route's time, or answer at once.</summary>
    private async ValueTask BeginApplicationAsync()
    {
        if (Route.AnswerAfter > TimeSpan.Zero)
        {
            if (Inbound.Session.Ring()) ReportCaller(Presence.DialogState.Early);
            _callerRinging = true;
            _answerTimer = _context.Time.CreateTimer(_ => Post(new AnswerDue()), null, Route.AnswerAfter, Timeout.InfiniteTimeSpan);
            return;
        }

        await AnswerForApplicationAsync().ConfigureAwait(false);
    }

    /// <summary>200 with our answer and the application started, or with our offer when the INVITE had none (the ACK answers).</summary>
    private async ValueTask AnswerForApplicationAsync()
    {
        if (_end is not null) return;
        if (_caller.Negotiated is null)
        {
            _awaitingCallerAnswer = true;
            if (!Inbound.Session.Accept(SdpWriter.Write(_caller.OfferAnswer.CreateOffer()))) CallerGone();
            return;
        }

        await StartCallerMediaAsync().ConfigureAwait(false);
        _caller.StartReceiving();
        if (!Inbound.Session.Accept(SdpWriter.Write(_caller.OfferAnswer.LocalDescription ?? _caller.OfferAnswer.CreateAnswer())))
        {
            CallerGone();
            return;
        }

        StartApplication();
    }

    /// <summary>Answered with media running: watched, reported, and the application runs on its channel.</summary>
    private void StartApplication()
    {
        MarkCallerAnswered();
        var channel = new CallChannel(this, _caller.Media!, _context.Media, _context.Time, _context.Loggers);
        Volatile.Write(ref _channel, channel);
        LogApplicationAnswered(CallId, _application!.Name, _caller.Media!.Codec.ToString(), _caller.Media.LocalRtpEndPoint.ToString(),
            _caller.Media.RemoteRtpEndPoint?.ToString() ?? "-");
        _applicationRun = RunApplicationAsync(channel, _application);
    }

    /// <summary>
    /// The call is over: lets the application finish (its waits ended with the hang-up) so the fields it sets on the
    /// way out (an IVR flow's path, variables, what was said) are in the row; bounded, so a stuck one cannot hold the call.
    /// </summary>
    private async Task WaitForApplicationAsync()
    {
        if (_applicationRun.IsCompleted) return;
        try
        {
            await _applicationRun.WaitAsync(ApplicationFinishWait, _context.Time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            LogApplicationStillRunning(CallId, _application?.Name ?? "-");
        }
    }

    /// <summary>The route's greeting, then the application; when it returns with the caller still there, the call ends.</summary>
    private async Task RunApplicationAsync(CallChannel channel, ICallApplication application)
    {
        await Task.Yield(); // off the call's loop: the application waits on prompts and keys, the loop never does
        try
        {
            if (Route.Greeting is { } greeting) await channel.PlayAsync([Prompt.Named(greeting)], bargeIn: true).ConfigureAwait(false);
            if (!channel.HungUp.IsCancellationRequested) await application.RunAsync(channel).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (channel.HungUp.IsCancellationRequested)
        {
            // The caller hung up while the application waited.
        }
        catch (Exception error)
        {
            LogApplicationFailed(error, CallId, application.Name);
        }
        finally
        {
            if (!channel.HungUp.IsCancellationRequested) Post(new HangupRequested(HangupCauses.Normal, null));
        }
    }

    /// <summary>The application asks to connect the caller: the destination is dialled as the caller could dial it.</summary>
    private async ValueTask OnBridgeRequestedAsync(BridgeRequested requested)
    {
        if (_end is not null)
        {
            requested.Done.TrySetResult(new BridgeResult(BridgeOutcome.CallerHungUp));
            return;
        }

        if (_application is null || _applicationBridge is not null || _answered is not null || _caller.Media is null)
        {
            requested.Done.TrySetResult(new BridgeResult(BridgeOutcome.Unavailable));
            return;
        }

        var request = requested.Request;
        var refusedWith = 404;
        var target = _context.Destinations?.Resolve(Source, request.Destination, out refusedWith);
        if (target is null)
        {
            LogBridgeRefused(CallId, request.Destination, refusedWith);
            requested.Done.TrySetResult(new BridgeResult(refusedWith is 486 or 600 or 603 ? BridgeOutcome.Busy : BridgeOutcome.Unavailable));
            return;
        }

        if (request.RingTime is { } ringTime) target = target with { RingTime = ringTime };
        if (request.AlsoRing.Count > 0) target = RingingAlso(target, request.AlsoRing);
        _applicationBridge = requested.Done;
        _applicationBridgeRequest = request;
        _applicationBridgeTransferred = request.Transferred;
        _step = 0;
        // A queue keeps its own music and announcements going while the agent rings; others hear ringback or music.
        _ringback = request.KeepApplicationAudio ? null
            : request.MusicWhileRinging is { } music ? PlayMusic(_caller, music) : PlayRingback(_caller);
        LogBridging(CallId, _application.Name, request.Destination, target.Name);
        await DialAsync(target).ConfigureAwait(false);
    }

    /// <summary>The destination of an application's bridge answered: the caller is connected to it.</summary>
    private void ConnectApplicationBridge(CalleeLeg party)
    {
        StopRingback();
        _channel?.EnterConversation(); // an announcement still playing is cut here, before the party is heard
        // A queue records the conversation with its agent, from the answer (the route's record: true records it all).
        if (_applicationBridgeRequest is { Record: true } recorded && _caller.Media is { } media)
        {
            StartRecording(recorded.RecordPartyOnLeft && party.Media is { } dialled ? dialled : media);
        }
        _lastParty = party;
        Connect();
        _partyAnsweredAt = _context.Time.GetTimestamp();
        MediaChanged();
        ReportCallee(party, Presence.DialogState.Confirmed);
        LogBridgeAnswered(CallId, party.Peer, _caller.Media!.Codec.ToString(), party.Media!.Codec.ToString(),
            _bridge?.Transcodes == true ? "transcoding" : "relaying");
        NotifyBridgeAnswered(party.Peer);
    }

    /// <summary>
    /// The application's party (not the caller) handed the call on to <see cref="_answered"/>: the application hears who
    /// took over (<see cref="BridgeRequest.Transferred"/>); a throwing callback is logged, the call goes on.
    /// </summary>
    private void NotifyBridgeHandedOn(CallLeg gone)
    {
        if (_applicationBridge is null || gone == _caller || _answered is not { } now || _applicationBridgeTransferred is not { } transferred) return;
        try
        {
            transferred(now.Peer);
        }
        catch (Exception error)
        {
            LogApplicationFailed(error, CallId, _application?.Name ?? "-");
        }
    }

    /// <summary>The application's <see cref="BridgeRequest.Answered"/>, once; a throwing callback is logged, the call goes on.</summary>
    private void NotifyBridgeAnswered(string party)
    {
        var answered = _applicationBridgeRequest?.Answered;
        _applicationBridgeRequest = null;
        try
        {
            answered?.Invoke(party);
        }
        catch (Exception error)
        {
            LogApplicationFailed(error, CallId, _application?.Name ?? "-");
        }
    }

    /// <summary>The party the application's bridge reached hung up: its media closes and the caller is back with the application.</summary>
    private async ValueTask EndAnsweredApplicationBridgeAsync()
    {
        var party = _answered!;
        var talkTime = _context.Time.GetElapsedTime(_partyAnsweredAt);
        _bridge?.Disconnect();
        _bridge = null;
        ReportCallee(party, Presence.DialogState.Terminated);
        await party.CloseMediaAsync().ConfigureAwait(false);
        _answered = null;
        CompleteApplicationBridge(BridgeOutcome.PartyHungUp, party.Peer, talkTime);
    }

    /// <summary>
    /// Nobody answered the application's bridge (busy, no answer, nobody to ring): the caller is back with the
    /// application at once; nothing is left to close, so the loop does not wait.
    /// </summary>
    private void EndUnansweredApplicationBridge(BridgeOutcome outcome)
    {
        _ringTimer?.Dispose();
        CompleteApplicationBridge(outcome, null, TimeSpan.Zero);
    }

    private void CompleteApplicationBridge(BridgeOutcome outcome, string? party, TimeSpan talkTime)
    {
        StopRingback();
        _channel?.LeaveConversation();
        _partyAnsweredAt = 0;
        MediaChanged();
        LogBridgeEnded(CallId, outcome.ToString(), party ?? "-");
        _applicationBridge?.TrySetResult(new BridgeResult(outcome, party, talkTime));
        _applicationBridge = null;
        _applicationBridgeRequest = null;
        _applicationBridgeTransferred = null;
    }

    /// <summary>How an unanswered step of an application's bridge ended, in the channel's words.</summary>
    private static BridgeOutcome OutcomeOf(BridgedCallEnd end) => end.Cause switch
    {
        HangupCauses.Busy or HangupCauses.Declined => BridgeOutcome.Busy,
        HangupCauses.NoAnswer => BridgeOutcome.NoAnswer,
        _ => BridgeOutcome.Unavailable,
    };

    /// <summary>The caller is gone (the call is finishing): the application's waits end, a pending bridge says so.</summary>
    private void EndApplication()
    {
        _answerTimer?.Dispose();
        StopRingback();
        _channel?.MarkHungUp();
        var talkTime = _partyAnsweredAt == 0 ? TimeSpan.Zero : _context.Time.GetElapsedTime(_partyAnsweredAt);
        _applicationBridge?.TrySetResult(new BridgeResult(BridgeOutcome.CallerHungUp, _answered?.Peer, talkTime));
        _applicationBridge = null;
        _applicationBridgeRequest = null;
        _applicationBridgeTransferred = null;
    }

    private PromptPlayer? PlayRingback(CallLeg listener)
    {
        if (listener.Media is not { } media) return null;
        var player = new PromptPlayer(media, _context.Media.Clock);
        player.PlayLoop(_context.Media.Prompts.GetTone(CallProgressTones.RingbackEurope, media.Codec));
        return player;
    }

    private void StopRingback()
    {
        _ringback?.Stop();
        _ringback = null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: {Application} answered, {Codec}, our media {Local}, caller media {Remote}")]
    private partial void LogApplicationAnswered(string callId, string application, string codec, string local, string remote);

    [LoggerMessage(Level = LogLevel.Error, Message = "{CallId}: {Application} failed; hanging up")]
    private partial void LogApplicationFailed(Exception error, string callId, string application);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{CallId}: {Application} still running after the hang-up; the call's row goes without its last fields")]
    private partial void LogApplicationStillRunning(string callId, string application);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: {Application} connects the caller to {Destination} ({Target})")]
    private partial void LogBridging(string callId, string application, string destination, string target);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: {Destination} cannot be reached from this call ({Status})")]
    private partial void LogBridgeRefused(string callId, string destination, int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: {Party} answered ({CallerCodec} <-> {PartyCodec}, {Mode})")]
    private partial void LogBridgeAnswered(string callId, string party, string callerCodec, string partyCodec, string mode);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: bridge over ({Outcome}, {Party}); the caller is back with the application")]
    private partial void LogBridgeEnded(string callId, string outcome, string party);
}
