using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Softswitch.Calls.Bridging;
using Softswitch.Calls.Features;
using Softswitch.Calls.Legs;
using Softswitch.Calls.Media;
using Softswitch.Calls.Presence;
using Softswitch.Calls.Registration;
using Softswitch.Calls.Routing;
using Softswitch.Media.Clock;
using Softswitch.Media.Codecs;
using Softswitch.Media.Playback;
using Softswitch.Media.Rtp;
using Softswitch.Sip.Dialogs;
using Softswitch.Calls.Signalling;
using Softswitch.Calls.Supervision;
using Softswitch.Calls.Trunks;
using Softswitch.Configuration.Options;
using Softswitch.Extensions;
using Softswitch.Sip.Auth;
using Softswitch.Sip.Registrar;
using Softswitch.Sip.Stack;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;
using Softswitch.Storage;
using Softswitch.Storage.CallRecords;
using Softswitch.Storage.Recordings;
using Softswitch.Storage.Registrations;
using RegistrarSettings = Softswitch.Sip.Registrar.RegistrarOptions;

namespace Softswitch.Hosting;

/// <summary>
/// Starts the SIP side: transports on the configured address and port, the transaction layer, the
/// dispatcher and the registrar; sweeps expired bindings, nonces and bans every few seconds; stops cleanly.
/// Listen address, port and timers are read at start (they need a restart); passwords are read per request.
/// </summary>
internal sealed partial class SipHostedService(
    IOptionsMonitor<SoftswitchOptions> options,
    Softswitch.Extensions.IExtensionDirectory extensions,
    ExtensionCallees callees,
    RegistrationEventWriter eventWriter,
    SourceBanService bans,
    BindingPersistence bindingPersistence,
    BackgroundBatchWriter<StoredRecording> recordingWriter,
    ExtensionSettingsPersistence extensionSettings,
    BackgroundBatchWriter<StoredCallRecord> callRecordWriter,
    TrunkService trunks,
    TimeProvider time,
    ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(5);

    private readonly ILogger<SipHostedService> _logger = loggers.CreateLogger<SipHostedService>();
    private SipStack? _stack;
    private SipRequestDispatcher? _dispatcher;
    private SipRegistrar? _registrar;
    private NonceManager? _nonces;
    private ITimer? _sweep;
    private (List<RouteOptions> Source, DialPlan Plan)? _dialPlan;
    private MediaClock? _clock;
    private CallDrain? _drain;
    private TimeSpan _shutdownGrace;
    private RtpPortAllocator? _ports;
    private ExtensionActivity? _activity;
    private DialogSubscriptions? _subscriptions;
    private NatKeepAlive? _keepAlive;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var sip = settings.Sip;
        var listen = IPAddress.Parse(sip.Listen);
        var signalling = new SignallingOptions
        {
            Domain = sip.Domain,
            Realm = settings.Auth.Realm,
            ListenAddresses = [listen],
            Port = sip.Port,
            PublicAddress = sip.PublicAddress,
        };

        await bans.StartAsync(settings.Security, cancellationToken);
        _nonces = new NonceManager(time, new NonceManagerOptions { Lifetime = TimeSpan.FromSeconds(settings.Auth.NonceLifetimeSeconds) });
        var bindings = new BindingStore(time, bindingPersistence);
        // Before the stack listens: a phone registered before a restart is reachable at once.
        var restored = bindings.Restore(await bindingPersistence.LoadLiveAsync(time.GetUtcNow(), cancellationToken));
        LogBindingsRestored(restored);
        _registrar = new SipRegistrar(bindings, new RegistrarSettings
        {
            MinExpires = settings.Registrar.MinExpires,
            MaxExpires = settings.Registrar.MaxExpires,
            DefaultExpires = settings.Registrar.DefaultExpires,
            MaxContactsPerAor = settings.Registrar.MaxContacts,
        }, new RegistrationEventRecorder(eventWriter));
        var timers = new TransactionTimerOptions
        {
            T1 = TimeSpan.FromMilliseconds(sip.T1Ms),
            T2 = TimeSpan.FromMilliseconds(sip.T2Ms),
            T4 = TimeSpan.FromMilliseconds(sip.T4Ms),
        };
        var digest = new DigestAuthenticator(_nonces, new DigestAuthenticatorOptions
        {
            Algorithms = settings.Auth.EffectiveAlgorithms
                .Select(a => a.Equals("md5", StringComparison.OrdinalIgnoreCase) ? DigestAlgorithm.Md5 : DigestAlgorithm.Sha256).ToList(),
            AllowMissingQop = settings.Auth.AllowMissingQop,
        });
        var authenticator = new RequestAuthenticator(digest, new ExtensionCredentialStore(extensions),
            new RequestAuthenticatorOptions { Realm = signalling.EffectiveRealm }, bans.Guard);
        var localDomain = new LocalDomain(signalling);
        var registrarService = new RegistrarService(_registrar, authenticator, localDomain,
            new RegistrationEventRecorder(eventWriter), time, loggers.CreateLogger<RegistrarService>());
        var overrides = new ExtensionOverrides(time);
        await extensionSettings.AttachAsync(overrides, cancellationToken);
        var mediaAddress = MediaAddress.Choose(settings.Rtp.Address, listen);
        _clock = new MediaClock(time, loggers.CreateLogger<MediaClock>());
        _clock.Start();
        // Contact must name where SIP listens: the public address, the listen address, or (wildcard) the media one.
        var localHost = sip.PublicAddress is { Length: > 0 } ? sip.PublicAddress
            : listen.Equals(IPAddress.Any) || listen.Equals(IPAddress.IPv6Any) ? mediaAddress.ToString() : listen.ToString();
        _activity = new ExtensionActivity(loggers.CreateLogger<ExtensionActivity>());
        var calls = new CallServices
        {
            Sessions = new SessionRouter(time, new InviteSessionOptions
            {
                LocalHost = localHost,
                LocalPort = sip.Port,
                Timers = timers,
            }, loggers.CreateLogger<SessionRouter>()),
            Authenticator = authenticator,
            DialPlan = () => CurrentDialPlan(options.CurrentValue),
            Media = new CallMediaOptions
            {
                Ports = new RtpPortAllocator(settings.Rtp.PortMin, settings.Rtp.PortMax, mediaAddress, loggers.CreateLogger<RtpPortAllocator>()),
                Address = mediaAddress,
                RecordingsFolder = Path.GetFullPath(settings.Storage.Recordings),
                RecordingCatalog = new RecordingCatalogRecorder(recordingWriter),
                CallRecords = new CallRecordSink(callRecordWriter),
                RelatchAfter = TimeSpan.FromMilliseconds(settings.Rtp.RelatchAfterMs),
                Clock = _clock,
                Prompts = new PromptCache(),
                SoundsFolder = Path.GetFullPath(settings.Ivr.Sounds),
                DefaultLanguage = settings.Ivr.DefaultLanguage,
            },
            MeetMe = new MeetMeRooms(loggers),
            Domain = localDomain,
            Limits = new CallLimits
            {
                MaxCalls = settings.Limits.MaxCalls,
                MaxCallsPerExtension = settings.Limits.MaxCallsPerExtension,
                RtpTimeout = TimeSpan.FromSeconds(settings.Rtp.TimeoutSeconds),
                HoldTimeout = TimeSpan.FromSeconds(settings.Rtp.HoldTimeoutSeconds),
                MaxCallLength = TimeSpan.FromSeconds(settings.Limits.MaxCallSeconds),
            },
            Time = time,
            Loggers = loggers,
            Targets = new DialTargets(callees, bindings.GetBindings, time, overrides),
            Trunks = trunks,
            Activity = _activity,
        };
        _subscriptions = new DialogSubscriptions(_activity, authenticator, localDomain, number => extensions.TryGet(number, out _),
            new DialogSubscriptionOptions
            {
                MinExpires = settings.Registrar.SubscriptionMinExpires,
                MaxExpires = settings.Registrar.SubscriptionMaxExpires,
                Domain = sip.Domain,
                LocalHost = localHost,
                LocalPort = sip.Port,
            }, time, loggers.CreateLogger<DialogSubscriptions>());
        _dispatcher = new SipRequestDispatcher(registrarService, signalling, loggers.CreateLogger<SipRequestDispatcher>(), calls)
        {
            Subscriptions = _subscriptions,
        };
        _drain = new CallDrain(calls.Active, time, loggers.CreateLogger<CallDrain>());
        _shutdownGrace = ShutdownTimeouts.Grace(settings.Limits);
        _ports = calls.Media.Ports;

        bans.Guard.IsTrustedSource = trunks.Directory.IsTrunkAddress; // carriers are never rate limited nor banned
        _stack = new SipStack(new SipStackOptions
        {
            Transport = new SipTransportOptions
            {
                Address = listen,
                Port = sip.Port,
                MaxMessageSize = sip.MaxMessageSize,
                TcpIdleTimeout = TimeSpan.FromSeconds(sip.TcpIdleTimeoutSeconds),
                TcpMessageTimeout = TimeSpan.FromSeconds(sip.TcpMessageTimeoutSeconds),
                MaxTcpConnections = sip.TcpMaxConnections,
                MaxTcpConnectionsPerAddress = sip.TcpMaxConnectionsPerAddress,
            },
            Transports = sip.EffectiveTransports
                .Select(t => t.Equals("tcp", StringComparison.OrdinalIgnoreCase) ? SipTransportKind.Tcp : SipTransportKind.Udp).ToList(),
            Timers = timers,
        }, _dispatcher, time, loggers) { Guard = bans.Guard, StatelessChallenges = authenticator, IsTrustedSource = trunks.Directory.IsTrunk };
        _dispatcher.Attach(_stack.Transactions, _stack);
        trunks.Attach(new RoutedTrunkRequestSender(_dispatcher.ClientRequests), new TrunkLocalAddress(localHost, sip.Port));
        await _stack.StartAsync(cancellationToken);
        if (settings.Registrar.NatKeepaliveSeconds > 0)
        {
            _keepAlive = new NatKeepAlive(bindings, _stack.SendKeepAlive, TimeSpan.FromSeconds(settings.Registrar.NatKeepaliveSeconds), time);
        }

        _sweep = time.CreateTimer(_ => Sweep(), null, SweepInterval, SweepInterval);
        if (OpusLibrary.IsAvailable) LogOpusOffered(OpusLibrary.Version ?? "?");
        else LogOpusMissing();
        LogStarted(sip.Domain, signalling.EffectiveRealm, string.Join(", ", _stack.Transports.Select(t => $"{t.Kind} {t.LocalEndPoint}")));
    }

    /// <summary>The routes of the options in force; rebuilt only when a reload changed them.</summary>
    private DialPlan CurrentDialPlan(SoftswitchOptions current)
    {
        var cached = _dialPlan;
        if (cached is not null && ReferenceEquals(cached.Value.Source, current.Routes)) return cached.Value.Plan;
        var plan = new DialPlan(current.Routes.Select(route => (route switch
        {
            { Echo: true } => new DialPlanRoute(route.Match, RouteTarget.Echo, Record: route.Record),
            { Music: { Length: > 0 } music } => new DialPlanRoute(route.Match, RouteTarget.Music, music, route.Record),
            { MeetMe: true } => new DialPlanRoute(route.Match, RouteTarget.MeetMe, Record: route.Record),
            { Extension: { Length: > 0 } extension } => new DialPlanRoute(route.Match, RouteTarget.Extension, extension, route.Record),
            { RingGroup: { Length: > 0 } group } => new DialPlanRoute(route.Match, RouteTarget.RingGroup, group, route.Record),
            { Trunk: { Length: > 0 } trunk } => new DialPlanRoute(route.Match, RouteTarget.Trunk, trunk, route.Record)
            {
                Trunks = [trunk, .. route.Failover],
                Strip = route.Strip,
                Prefix = route.Prefix ?? "",
                Requires = ExtensionCallees.PermissionOf(route.Requires),
                AllowFromTrunks = route.AllowFromTrunks,
            },
            _ => new DialPlanRoute(route.Match, RouteTarget.Flow, route.Flow, route.Record),
        }) with
        {
            Greeting = route.Greeting,
            AnswerAfter = TimeSpan.FromMilliseconds(route.AnswerAfterMs),
            Context = route.Context ?? DialContexts.Internal,
        }));
        _dialPlan = (current.Routes, plan);
        return plan;
    }

    /// <summary>Expired bindings become Expired events; spent nonces are forgotten.</summary>
    private void Sweep()
    {
        try
        {
            _registrar?.RemoveExpired();
            _nonces?.RemoveExpired();
            if (_stack is not null) bans.Sweep();
        }
        catch (Exception error)
        {
            LogSweepFailed(error);
        }
    }

    /// <summary>Drains the calls (the stack still up to send their BYEs), then stops.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_drain is not null && _stack is not null)
        {
            _stack.StopChallengingNewInvites();
            await _drain.DrainAsync(_shutdownGrace, cancellationToken);
        }

        if (_ports is { } ports) LogPortsAtStop(ports.Capacity - ports.Available, ports.Capacity);
        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _sweep?.Dispose();
        _sweep = null;
        _keepAlive?.Dispose();
        _keepAlive = null;
        _subscriptions?.Dispose();
        _subscriptions = null;
        if (_stack is not null) await _stack.DisposeAsync();
        _stack = null;
        if (_dispatcher is not null) await _dispatcher.DisposeAsync();
        _dispatcher = null;
        if (_clock is not null) await _clock.DisposeAsync();
        _clock = null;
        if (_activity is not null) await _activity.DisposeAsync();
        _activity = null;
        await bans.DisposeAsync();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Softswitch SIP started: domain {Domain}, realm {Realm}, listening on {Listeners}")]
    private partial void LogStarted(string domain, string realm, string listeners);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registrar: {Count} unexpired bindings restored from the database")]
    private partial void LogBindingsRestored(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Opus offered to phones ({Version})")]
    private partial void LogOpusOffered(string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "libopus.so.0 not found: Opus is not offered (apt-get install libopus0)")]
    private partial void LogOpusMissing();

    [LoggerMessage(Level = LogLevel.Information, Message = "RTP port pairs in use at stop: {InUse} of {Capacity}")]
    private partial void LogPortsAtStop(int inUse, int capacity);

    [LoggerMessage(Level = LogLevel.Error, Message = "expiry sweep failed")]
    private partial void LogSweepFailed(Exception error);
}
