using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Softswitch.Calls.Bridging;
using Softswitch.Calls.Features;
using Softswitch.Calls.Legs;
using Softswitch.Calls.Registration;
using Softswitch.Calls.Routing;
using Softswitch.Calls.Supervision;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Stack;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;

namespace Softswitch.Calls.Signalling;

/// <summary>
/// The transaction user: takes every new request off the socket thread into a mailbox and answers it
/// on a small pool of async workers. Each request gets a final response, never silence: REGISTER and
/// OPTIONS are served; INVITE gets 480 until call control exists; out-of-dialog BYE and CANCEL get 481;
/// known but unserved methods 405, unknown ones 501.
/// </summary>
public sealed partial class SipRequestDispatcher : ITransactionUser, IAsyncDisposable
{
    private const int MailboxCapacity = 10_000;

    /// <summary>
    /// One mailbox per worker, chosen by Call-ID: the requests of one call are answered in the order they arrived
    /// (digits by SIP INFO must reach the IVR in order), while different calls are answered in parallel.
    /// </summary>
    private readonly Channel<ServerTransaction>[] _mailboxes;

    private readonly RegistrarService _registrar;
    private readonly CallServices? _calls;
    private readonly ILogger<SipRequestDispatcher> _logger;
    private readonly Task[] _workers;
    private readonly CallAdmission? _admission;
    private readonly CallWatchdog? _watchdog;
    private readonly BridgeContext? _bridging;
    private TransactionLayer? _transactions;

    public SipRequestDispatcher(RegistrarService registrar, SignallingOptions options, ILogger<SipRequestDispatcher> logger,
        CallServices? calls = null)
    {
        _registrar = registrar;
        _calls = calls;
        _logger = logger;
        if (calls is not null)
        {
            _admission = new CallAdmission(calls.Limits);
            _watchdog = new CallWatchdog(calls.Limits, calls.Time, calls.Loggers.CreateLogger<CallWatchdog>());
            _bridging = new BridgeContext
            {
                Sessions = calls.Sessions,
                Media = calls.Media,
                Trunks = calls.Trunks,
                Targets = calls.Targets,
                Registry = calls.Active,
                Watchdog = _watchdog,
                Domain = options.Domain,
                MusicOnHold = calls.MusicOnHold,
                Activity = calls.Activity,
                Time = calls.Time,
                Loggers = calls.Loggers,
                Destinations = this,
            };
        }

        _mailboxes = new Channel<ServerTransaction>[options.Workers];
        _workers = new Task[options.Workers];
        for (var i = 0; i < _workers.Length; i++)
        {
            var mailbox = _mailboxes[i] = Channel.CreateBounded<ServerTransaction>(
                new BoundedChannelOptions(MailboxCapacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true, SingleWriter = false });
            _workers[i] = Task.Run(() => RunWorkerAsync(mailbox.Reader));
        }
    }

    /// <summary>
    /// The layer is created with this dispatcher as its user, so it is attached afterwards, with the transport the
    /// calling sessions send their 2xx ACKs through (outside any transaction, §13.2.2.4).
    /// </summary>
    public void Attach(TransactionLayer transactions, ITransactionTransport transport)
    {
        _transactions = transactions;
        ClientRequests.Attach(transactions);
        _calls?.Sessions.Attach(transactions, transport);
        Subscriptions?.Attach(transactions);
    }

    public void OnRequest(ServerTransaction transaction)
    {
        var mailbox = _mailboxes[(uint)transaction.Request.CallId.GetHashCode() % (uint)_mailboxes.Length];
        if (!mailbox.Writer.TryWrite(transaction))
        {
            // Overload: answer at once rather than queue without bound (RFC 3261 §21.5.4).
            transaction.Respond(503, headers: [new("Retry-After", "5")]);
            LogOverloaded(transaction.Request.CallId, transaction.Request.MethodName);
        }
    }

    // Dialog traffic goes to the sessions first; what no session claims is logged.
    public void OnAck(SipRequest ack, SipEndPoint source)
    {
        if (_calls?.Sessions.OnAck(ack, source) != true) LogStrayAck(ack.CallId, source);
    }

    public void OnResponse(ClientTransaction transaction, SipResponse response)
    {
        if (ClientRequests.OnResponse(transaction, response)) return; // a trunk's REGISTER or OPTIONS
        if (Subscriptions?.OnResponse(transaction, response) == true) return;
        if (_calls?.Sessions.OnResponse(transaction, response) != true) LogUnexpectedResponse(response.CallId, response.StatusCode);
    }

    public void OnTimeout(ClientTransaction transaction)
    {
        if (ClientRequests.OnTimeout(transaction)) return;
        if (Subscriptions?.OnTimeout(transaction) == true) return;
        if (_calls?.Sessions.OnTimeout(transaction) != true) LogClientTimeout(transaction.Request.CallId, transaction.Request.MethodName);
    }

    public void OnServerFailure(ServerTransaction transaction)
    {
        if (_calls?.Sessions.OnServerFailure(transaction) != true)
        {
            LogNoAck(transaction.Request.CallId, transaction.Request.MethodName, transaction.LastStatusCode);
        }
    }

    // A retransmitted 2xx after the INVITE transaction ended, or one from another fork, is a calling session's.
    public void OnStrayResponse(SipResponse response, SipEndPoint source)
    {
        if (_calls?.Sessions.OnStrayResponse(response, source) != true) LogStrayResponse(response.CallId, response.StatusCode, source);
    }

    private async Task RunWorkerAsync(ChannelReader<ServerTransaction> mailbox)
    {
        await foreach (var transaction in mailbox.ReadAllAsync())
        {
            HandleLogged(transaction);
        }
    }

    private void HandleLogged(ServerTransaction transaction)
    {
        using var scope = _logger.BeginScope(new CallScope(transaction.Request.CallId));
        try
        {
            Handle(transaction);
        }
        catch (Exception error)
        {
            // A bug answering one request must not stop the worker, nor leave the peer without an answer.
            LogHandlerFailed(error, transaction.Request.CallId, transaction.Request.MethodName);
            transaction.Respond(500);
        }
    }

    private void Handle(ServerTransaction transaction)
    {
        var request = transaction.Request;
        LogRequest(request.CallId, request.MethodName, request.RequestUri.ToString(), transaction.Source);
        if (TryHandleSubscriptionInDialog(transaction)) return;
        if (_calls is not null && _calls.Sessions.TryHandleInDialog(transaction)) return;
        if (request.Method != SipMethod.Cancel && UnsupportedRequirements(request) is { } unsupported)
        {
            transaction.Respond(420, headers: [new("Unsupported", unsupported)]); // §8.2.2.3
            return;
        }

        switch (request.Method)
        {
            case SipMethod.Register:
                _registrar.Handle(transaction);
                break;
            case SipMethod.Options:
                transaction.Respond(200, toTag: SipIds.NewTag(), headers:
                [
                    new("Allow", SipServices.Allow),
                    new("Accept", SipServices.Accept),
                    new("Accept-Encoding", "identity"),
                    new("Accept-Language", "en"),
                    new("Supported", string.Join(", ", SipServices.SupportedOptionTags)),
                    new("Allow-Events", SipServices.AllowEvents),
                ]);
                break;
            case SipMethod.Invite when request.To.Tag is not null:
                transaction.Respond(481); // a re-INVITE for a dialog we do not have
                break;
            case SipMethod.Invite:
                HandleInvite(transaction);
                break;
            case SipMethod.Subscribe:
                HandleSubscribe(transaction);
                break;
            case SipMethod.Cancel:
                HandleCancel(transaction);
                break;
            case SipMethod.Bye:
                transaction.Respond(481); // no dialogs exist yet
                break;
            case SipMethod.Unknown:
                transaction.Respond(501, headers: [new("Allow", SipServices.Allow)]);
                break;
            default:
                transaction.Respond(request.To.Tag is null ? 405 : 481, headers: [new("Allow", SipServices.Allow)]);
                break;
        }
    }

    /// <summary>A new call: who is calling (digest), what they dialled (dial plan), then the route's handler.</summary>
    private void HandleInvite(ServerTransaction invite)
    {
        if (_calls is null)
        {
            invite.Respond(480, "Calls Not Yet Served", toTag: SipIds.NewTag());
            return;
        }

        if (_calls.Active.IsClosed)
        {
            // Draining for shutdown: the phone should try another server or come back (RFC 3261 §21.5.4).
            invite.Respond(503, "Shutting Down", toTag: SipIds.NewTag(), headers: [new("Retry-After", "30")]);
            LogShuttingDown(invite.Request.CallId);
            return;
        }

        if (TryTakeTrunkCall(invite)) return; // carriers send no credentials
        var authentication = _calls.Authenticator.Authenticate(invite);
        if (!authentication.IsAuthenticated) return; // challenged or refused already

        var caller = authentication.Extension;
        var dialled = invite.Request.RequestUri.User ?? "";
        if (RefuseForeignDomain(invite, caller)) return;
        if (caller is not null && TryReplace(invite, caller)) return;
        var route = _calls.DialPlan().Find(dialled);
        if (route is null && caller is not null && TryFeatureCode(invite, caller, dialled)) return;
        route ??= ImplicitExtensionRoute(dialled);
        LogCallPlaced(invite, caller, route);
        switch (route?.Target)
        {
            case RouteTarget.Extension or RouteTarget.RingGroup when _calls.Targets is not null:
                Ring(invite, ExtensionSource(invite, caller!), route);
                break;
            case RouteTarget.Trunk:
                CallOut(invite, ExtensionSource(invite, caller!), route, dialled);
                break;
            case null:
                invite.Respond(404, toTag: SipIds.NewTag());
                LogNoRoute(invite.Request.CallId, dialled);
                break;
            default:
                AnswerFeature(invite, ExtensionSource(invite, caller!), route);
                break;
        }
    }

    /// <summary>The routes the switch answers itself (echo, music, meet-me), then those a module serves (IVR flows); else 480.</summary>
    private void AnswerFeature(ServerTransaction invite, CallSource caller, DialPlanRoute route)
    {
        switch (route.Target)
        {
            case RouteTarget.Echo:
                Answer(invite, caller, route, EchoFeature.Instance);
                break;
            case RouteTarget.Music:
                Answer(invite, caller, route, new MusicFeature(route.Destination!));
                break;
            case RouteTarget.MeetMe:
                var room = _calls!.MeetMe.For(route.Match);
                if (room.Room.IsFull) invite.Respond(486, toTag: SipIds.NewTag());
                else Answer(invite, caller, route, room);
                break;
            default:
                if (_calls!.Applications.Select(module => module.For(route)).FirstOrDefault(app => app is not null) is { } application)
                {
                    Answer(invite, caller, route, application);
                    break;
                }

                // No module serves this route (a flow that does not exist, a module not configured).
                invite.Respond(480, "Destination Not Served", toTag: SipIds.NewTag());
                LogNoApplication(invite.Request.CallId, route.Target.ToString(), route.Destination ?? route.Match);
                break;
        }
    }

    /// <summary>A route the switch answers itself: the call runs <paramref name="application"/> on its channel.</summary>
    private void Answer(ServerTransaction invite, CallSource caller, DialPlanRoute route, Softswitch.Channels.ICallApplication application)
    {
        if (!TryAdmit(invite, caller.IsTrunk ? null : caller.Name, out var admission)) return;
        BridgedCall.StartApplication(_bridging!, invite, caller, route, application, admission);
    }

    /// <summary>RFC 3261 §9.2: 200 for the CANCEL, then 487 for the INVITE if it is still unanswered.</summary>
    private void HandleCancel(ServerTransaction cancel)
    {
        var invite = _transactions?.FindInviteFor(cancel.Request);
        if (invite is null)
        {
            cancel.Respond(481);
            return;
        }

        cancel.Respond(200, toTag: SipIds.NewTag());
        invite.Respond(487, toTag: SipIds.NewTag());
    }

    private static string? UnsupportedRequirements(SipRequest request)
    {
        var required = request.GetHeaderValues("Require");
        if (required.Count == 0) return null;
        var missing = required.Where(tag => !SipServices.SupportedOptionTags.Contains(tag.Trim())).Select(tag => tag.Trim()).ToList();
        return missing.Count == 0 ? null : string.Join(", ", missing);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var mailbox in _mailboxes) mailbox.Writer.TryComplete();
        await Task.WhenAll(_workers);
        _watchdog?.Dispose();
    }
}
