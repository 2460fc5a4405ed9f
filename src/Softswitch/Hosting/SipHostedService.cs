using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Softswitch.Calls;
using Softswitch.Calls.Features;
using Softswitch.Calls.Legs;
using Softswitch.Calls.Media;
using Softswitch.Calls.Presence;
using Softswitch.Calls.Registration;
using Softswitch.Calls.Routing;
using Softswitch.Calls.Signalling;
using Softswitch.Calls.Supervision;
using Softswitch.Calls.Trunks;
using Softswitch.Configuration.Options;
using Softswitch.Extensions;
using Softswitch.Media.Clock;
using Softswitch.Media.Codecs;
using Softswitch.Media.Playback;
using Softswitch.Media.Rtp;
using Softswitch.Sip.Auth;
using Softswitch.Sip.Dialogs;
using Softswitch.Sip.Registrar;
using Softswitch.Sip.Stack;
using Softswitch.Sip.Timing;
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
    IServiceProvider services,
    SourceBanService bans,
    BindingPersistence bindingPersistence,
    ExtensionSettingsPersistence extensionSettings,
    TrunkService trunks,
    TimeProvider time,
    ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(5);

    private readonly ILogger<SipHostedService> _logger = loggers.CreateLogger<SipHostedService>();
    private SipStack? _stack;
    private SipRegistrar? _registrar;
    private NonceManager? _nonces;
    private ITimer? _sweep;
    private CallDrain? _drain;
    private TimeSpan _shutdownGrace;
    private RtpPortAllocator? _ports;
    private NatKeepAlive? _keepAlive;

    /// <summary>
    /// Starts what the container composed (<see cref="SipComposition"/>): the bans first (the authenticator consults
    /// them), the bindings and feature-code settings restored, the media clock, then the stack listening; the trunks
    /// attach to it. Nothing is built here but the stack's transports.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var sip = settings.Sip;
        await bans.StartAsync(settings.Security, cancellationToken);
        _nonces = services.GetRequiredService<NonceManager>();
        var bindings = services.GetRequiredService<BindingStore>();
        // Before the stack listens: a phone registered before a restart is reachable at once.
        var restored = bindings.Restore(await bindingPersistence.LoadLiveAsync(time.GetUtcNow(), cancellationToken));
        LogBindingsRestored(restored);
        _registrar = services.GetRequiredService<SipRegistrar>();
        await extensionSettings.AttachAsync(services.GetRequiredService<ExtensionOverrides>(), cancellationToken);
        services.GetRequiredService<MediaClock>().Start();
        var dispatcher = services.GetRequiredService<SipRequestDispatcher>();
        var composed = services.GetRequiredService<CallServiceSettings>();
        _drain = services.GetRequiredService<CallDrain>();
        _shutdownGrace = ShutdownTimeouts.Grace(settings.Limits);
        _ports = services.GetRequiredService<RtpPortAllocator>();

        bans.Guard.IsTrustedSource = trunks.Directory.IsTrunkAddress; // carriers are never rate limited nor banned
        _stack = new SipStack(new SipStackOptions
        {
            Transport = new SipTransportOptions
            {
                Address = IPAddress.Parse(sip.Listen),
                Port = sip.Port,
                MaxMessageSize = sip.MaxMessageSize,
                TcpIdleTimeout = TimeSpan.FromSeconds(sip.TcpIdleTimeoutSeconds),
                TcpMessageTimeout = TimeSpan.FromSeconds(sip.TcpMessageTimeoutSeconds),
                MaxTcpConnections = sip.TcpMaxConnections,
                MaxTcpConnectionsPerAddress = sip.TcpMaxConnectionsPerAddress,
            },
            Transports = sip.EffectiveTransports
                .Select(t => t.Equals("tcp", StringComparison.OrdinalIgnoreCase) ? SipTransportKind.Tcp : SipTransportKind.Udp).ToList(),
            Timers = composed.Sessions.Timers,
        }, dispatcher, services.GetRequiredService<TimerWheel>(), loggers)
        {
            Guard = bans.Guard,
            StatelessChallenges = services.GetRequiredService<RequestAuthenticator>(),
            IsTrustedSource = trunks.Directory.IsTrunk,
        };
        dispatcher.Attach(_stack.Transactions, _stack);
        trunks.Attach(new RoutedTrunkRequestSender(dispatcher.ClientRequests), new TrunkLocalAddress(composed.Sessions.LocalHost, sip.Port));
        await _stack.StartAsync(cancellationToken);
        if (settings.Registrar.NatKeepaliveSeconds > 0)
        {
            _keepAlive = new NatKeepAlive(bindings, _stack.SendKeepAlive, TimeSpan.FromSeconds(settings.Registrar.NatKeepaliveSeconds), time);
        }

        _sweep = time.CreateTimer(_ => Sweep(), null, SweepInterval, SweepInterval);
        if (OpusLibrary.IsAvailable) LogOpusOffered(OpusLibrary.Version ?? "?");
        else LogOpusMissing();
        LogStarted(sip.Domain, composed.Signalling.EffectiveRealm, string.Join(", ", _stack.Transports.Select(t => $"{t.Kind} {t.LocalEndPoint}")));
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

    /// <summary>Stops listening; the container disposes what it composed (dispatcher, notifier, board, clock) after this.</summary>
    public async ValueTask DisposeAsync()
    {
        _sweep?.Dispose();
        _sweep = null;
        _keepAlive?.Dispose();
        _keepAlive = null;
        if (_stack is not null) await _stack.DisposeAsync();
        _stack = null;
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
