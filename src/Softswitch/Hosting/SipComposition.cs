using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Softswitch.Calls;
using Softswitch.Calls.Media;
using Softswitch.Calls.Records;
using Softswitch.Calls.Routing;
using Softswitch.Calls.Signalling;
using Softswitch.Calls.Supervision;
using Softswitch.Configuration.Options;
using Softswitch.Extensions;
using Softswitch.Media;
using Softswitch.Sip;
using Softswitch.Sip.Auth;
using Softswitch.Sip.Dialogs;
using Softswitch.Sip.Registrar;
using Softswitch.Sip.Security;
using Softswitch.Sip.Stack;
using Softswitch.Sip.Transactions;
using RegistrarSettings = Softswitch.Sip.Registrar.RegistrarOptions;

namespace Softswitch.Hosting;

/// <summary>
/// The composition root of the SIP, media and call layers: each project registers its own services from settings
/// the host maps out of <c>softswitch.yaml</c> here, and the host adds the adapters the layers declare (passwords,
/// persistence, records, the dial plan). Hosted services only start and stop what this composes; tests and the API
/// read the live call registry and the registrar's bindings from the same container.
/// </summary>
internal static class SipComposition
{
    public static IServiceCollection AddSoftswitchCallLayers(this IServiceCollection services)
    {
        services.AddSingleton<ICredentialStore>(sp => new ExtensionCredentialStore(sp.GetRequiredService<IExtensionDirectory>()));
        services.AddSingleton<IRegistrationObserver>(sp => new RegistrationObservers(
        [
            new RegistrationEventRecorder(sp.GetRequiredService<Storage.Registrations.RegistrationEventWriter>()),
            sp.GetRequiredService<Queues.AgentRegistrations>(),
        ]));
        services.AddSingleton<IBindingStoreObserver>(sp => sp.GetRequiredService<BindingPersistence>());
        // The guard is built when the bans are loaded (SipHostedService starts them before anything authenticates).
        services.AddSingleton<Func<SourceGuard>>(sp => () => sp.GetRequiredService<SourceBanService>().Guard);
        services.AddSingleton<ICalleeDirectory>(sp => sp.GetRequiredService<ExtensionCallees>());
        services.AddSingleton<IRecordingCatalog>(sp => new RecordingCatalogRecorder(sp.GetRequiredService<Storage.BackgroundBatchWriter<Storage.Recordings.StoredRecording>>()));
        services.AddSingleton<ICallRecordSink>(sp => new CallRecordSink(sp.GetRequiredService<Storage.BackgroundBatchWriter<Storage.CallRecords.StoredCallRecord>>()));
        services.AddSingleton<ConfiguredDialPlan>();
        services.AddSingleton<Func<DialPlan>>(sp => sp.GetRequiredService<ConfiguredDialPlan>().Current);

        services.AddSoftswitchSip(sp => SipSettings(Current(sp)));
        services.AddSoftswitchMedia(sp => MediaSettings(Current(sp)));
        services.AddSoftswitchCalls(sp => CallSettings(Current(sp), sp.GetRequiredService<MediaServiceSettings>().Address,
            sp.GetRequiredService<Microsoft.Extensions.Hosting.IHostEnvironment>().ContentRootPath));
        return services;
    }

    private static SoftswitchOptions Current(IServiceProvider services) => services.GetRequiredService<IOptionsMonitor<SoftswitchOptions>>().CurrentValue;

    private static TransactionTimerOptions Timers(SipOptions sip) => new()
    {
        T1 = TimeSpan.FromMilliseconds(sip.T1Ms),
        T2 = TimeSpan.FromMilliseconds(sip.T2Ms),
        T4 = TimeSpan.FromMilliseconds(sip.T4Ms),
    };

    private static SignallingOptions Signalling(SoftswitchOptions settings) => new()
    {
        Domain = settings.Sip.Domain,
        Realm = settings.Auth.Realm,
        ListenAddresses = [IPAddress.Parse(settings.Sip.Listen)],
        Port = settings.Sip.Port,
        PublicAddress = settings.Sip.PublicAddress,
    };

    private static SipServiceSettings SipSettings(SoftswitchOptions settings) => new()
    {
        Nonces = new NonceManagerOptions { Lifetime = TimeSpan.FromSeconds(settings.Auth.NonceLifetimeSeconds) },
        Digest = new DigestAuthenticatorOptions
        {
            Algorithms = settings.Auth.EffectiveAlgorithms
                .Select(a => a.Equals("md5", StringComparison.OrdinalIgnoreCase) ? DigestAlgorithm.Md5 : DigestAlgorithm.Sha256).ToList(),
            AllowMissingQop = settings.Auth.AllowMissingQop,
        },
        Authentication = new RequestAuthenticatorOptions { Realm = Signalling(settings).EffectiveRealm },
        Registrar = new RegistrarSettings
        {
            MinExpires = settings.Registrar.MinExpires,
            MaxExpires = settings.Registrar.MaxExpires,
            DefaultExpires = settings.Registrar.DefaultExpires,
            MaxContactsPerAor = settings.Registrar.MaxContacts,
        },
        Timers = Timers(settings.Sip),
        // Transaction and dialog timers on a wheel: tens of thousands wait at a few hundred calls a second.
        TimerResolution = TimeSpan.FromMilliseconds(10),
    };

    private static MediaServiceSettings MediaSettings(SoftswitchOptions settings) => new()
    {
        PortMin = settings.Rtp.PortMin,
        PortMax = settings.Rtp.PortMax,
        Address = MediaAddress.Choose(settings.Rtp.Address, IPAddress.Parse(settings.Sip.Listen)),
    };

    private static CallServiceSettings CallSettings(SoftswitchOptions settings, IPAddress mediaAddress, string contentRoot)
    {
        var sip = settings.Sip;
        var listen = IPAddress.Parse(sip.Listen);
        // Contact must name where SIP listens: the public address, the listen address, or (wildcard) the media one.
        var localHost = sip.PublicAddress is { Length: > 0 } ? sip.PublicAddress
            : listen.Equals(IPAddress.Any) || listen.Equals(IPAddress.IPv6Any) ? mediaAddress.ToString() : listen.ToString();
        return new CallServiceSettings
        {
            Signalling = Signalling(settings),
            Sessions = new InviteSessionOptions { LocalHost = localHost, LocalPort = sip.Port, Timers = Timers(sip) },
            Limits = new CallLimits
            {
                MaxCalls = settings.Limits.MaxCalls,
                MaxCallsPerExtension = settings.Limits.MaxCallsPerExtension,
                RtpTimeout = TimeSpan.FromSeconds(settings.Rtp.TimeoutSeconds),
                HoldTimeout = TimeSpan.FromSeconds(settings.Rtp.HoldTimeoutSeconds),
                MaxCallLength = TimeSpan.FromSeconds(settings.Limits.MaxCallSeconds),
            },
            // Relative folders resolve against the same base as the database's path.
            RecordingsFolder = Path.GetFullPath(settings.Storage.Recordings, contentRoot),
            RecordingPauseCodes = new Calls.Media.RecordingPauseCodes(settings.Recording.PauseCode, settings.Recording.ResumeCode),
            SoundsFolder = Path.GetFullPath(settings.Ivr.Sounds, contentRoot),
            DefaultLanguage = settings.Ivr.DefaultLanguage,
            RelatchAfter = TimeSpan.FromMilliseconds(settings.Rtp.RelatchAfterMs),
            Subscriptions = new Calls.Presence.DialogSubscriptionOptions
            {
                MinExpires = settings.Registrar.SubscriptionMinExpires,
                MaxExpires = settings.Registrar.SubscriptionMaxExpires,
                Domain = sip.Domain,
                LocalHost = localHost,
                LocalPort = sip.Port,
            },
        };
    }
}
