using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Softswitch.Calls.Registration;
using Softswitch.Calls.Signalling;
using Softswitch.Configuration.Options;
using Softswitch.Sip.Auth;
using Softswitch.Sip.Registrar;
using Softswitch.Sip.Stack;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;
using Softswitch.Storage.Registrations;
using RegistrarSettings = Softswitch.Sip.Registrar.RegistrarOptions;

namespace Softswitch.Hosting;

/// <summary>
/// Starts the SIP side: transports on the configured address and port, the transaction layer, the
/// dispatcher and the registrar; sweeps expired bindings and nonces every few seconds; stops cleanly.
/// Listen address, port and timers are read at start (they need a restart); passwords are read per request.
/// </summary>
internal sealed partial class SipHostedService(
    IOptionsMonitor<SoftswitchOptions> options,
    Softswitch.Extensions.IExtensionDirectory extensions,
    RegistrationEventWriter eventWriter,
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

        _nonces = new NonceManager(time, new NonceManagerOptions { Lifetime = TimeSpan.FromSeconds(settings.Auth.NonceLifetimeSeconds) });
        _registrar = new SipRegistrar(new BindingStore(time), new RegistrarSettings
        {
            MinExpires = settings.Registrar.MinExpires,
            MaxExpires = settings.Registrar.MaxExpires,
            DefaultExpires = settings.Registrar.DefaultExpires,
            MaxContactsPerAor = settings.Registrar.MaxContacts,
        }, new RegistrationEventRecorder(eventWriter));
        var registrarService = new RegistrarService(_registrar, new DigestAuthenticator(_nonces, new DigestAuthenticatorOptions
            {
                Algorithms = settings.Auth.EffectiveAlgorithms
                    .Select(a => a.Equals("md5", StringComparison.OrdinalIgnoreCase) ? DigestAlgorithm.Md5 : DigestAlgorithm.Sha256).ToList(),
            }), new ExtensionCredentialStore(extensions),
            new LocalDomain(signalling), signalling, new RegistrationEventRecorder(eventWriter), time, loggers.CreateLogger<RegistrarService>());
        _dispatcher = new SipRequestDispatcher(registrarService, signalling, loggers.CreateLogger<SipRequestDispatcher>());

        _stack = new SipStack(new SipStackOptions
        {
            Transport = new SipTransportOptions
            {
                Address = listen,
                Port = sip.Port,
                MaxMessageSize = sip.MaxMessageSize,
                TcpIdleTimeout = TimeSpan.FromSeconds(sip.TcpIdleTimeoutSeconds),
            },
            Transports = sip.EffectiveTransports
                .Select(t => t.Equals("tcp", StringComparison.OrdinalIgnoreCase) ? SipTransportKind.Tcp : SipTransportKind.Udp).ToList(),
            Timers = new TransactionTimerOptions
            {
                T1 = TimeSpan.FromMilliseconds(sip.T1Ms),
                T2 = TimeSpan.FromMilliseconds(sip.T2Ms),
                T4 = TimeSpan.FromMilliseconds(sip.T4Ms),
            },
        }, _dispatcher, time, loggers);
        _dispatcher.Attach(_stack.Transactions);
        await _stack.StartAsync(cancellationToken);

        _sweep = time.CreateTimer(_ => Sweep(), null, SweepInterval, SweepInterval);
        LogStarted(sip.Domain, signalling.EffectiveRealm, string.Join(", ", _stack.Transports.Select(t => $"{t.Kind} {t.LocalEndPoint}")));
    }

    /// <summary>Expired bindings become Expired events; spent nonces are forgotten.</summary>
    private void Sweep()
    {
        try
        {
            _registrar?.RemoveExpired();
            _nonces?.RemoveExpired();
        }
        catch (Exception error)
        {
            LogSweepFailed(error);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        _sweep?.Dispose();
        _sweep = null;
        if (_stack is not null) await _stack.DisposeAsync();
        _stack = null;
        if (_dispatcher is not null) await _dispatcher.DisposeAsync();
        _dispatcher = null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Softswitch SIP started: domain {Domain}, realm {Realm}, listening on {Listeners}")]
    private partial void LogStarted(string domain, string realm, string listeners);

    [LoggerMessage(Level = LogLevel.Error, Message = "expiry sweep failed")]
    private partial void LogSweepFailed(Exception error);
}
