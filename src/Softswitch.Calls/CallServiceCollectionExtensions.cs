using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Softswitch.Calls.Bridging;
using Softswitch.Calls.Features;
using Softswitch.Calls.Legs;
using Softswitch.Calls.Media;
using Softswitch.Calls.Presence;
using Softswitch.Calls.Records;
using Softswitch.Calls.Registration;
using Softswitch.Calls.Routing;
using Softswitch.Calls.Signalling;
using Softswitch.Calls.Trunks;
using Softswitch.Media;
using Softswitch.Media.Clock;
using Softswitch.Media.Playback;
using Softswitch.Media.Rtp;
using Softswitch.Sip.Dialogs;
using Softswitch.Sip.Registrar;
using Softswitch.Sip.Stack;
using Softswitch.Sip.Timing;

namespace Softswitch.Calls;

/// <summary>The call layer's services, for the host's container.</summary>
public static class CallServiceCollectionExtensions
{
    /// <summary>
    /// Registers the call layer: the live call registry, the busy-lamp board, sessions, the media every call shares, the
    /// dial targets, the registrar service, the dialog-event notifier, the dispatcher (the transaction user) and the
    /// shutdown drain. Needs <c>AddSoftswitchSip</c>'s and <see cref="MediaServiceCollectionExtensions.AddSoftswitchMedia"/>'s
    /// services, and from the host: a <c>Func&lt;DialPlan&gt;</c> (the plan in force), an <see cref="ICalleeDirectory"/>,
    /// and optionally an <see cref="IRecordingCatalog"/>, an <see cref="IMessageWaiting"/> (voicemail boxes), an
    /// <see cref="ICallRecordSink"/>, a <see cref="TrunkService"/> and any number of <see cref="IRouteApplications"/>.
    /// </summary>
    public static IServiceCollection AddSoftswitchCalls(this IServiceCollection services, Func<IServiceProvider, CallServiceSettings> settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton<CallRegistry>();
        services.AddSingleton(sp => new CallRecordingCommands(sp.GetRequiredService<CallRegistry>()));
        services.AddSingleton(sp => new ExtensionActivity(sp.GetRequiredService<ILogger<ExtensionActivity>>()));
        services.AddSingleton(sp => new MeetMeRooms(sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton(sp => new ExtensionOverrides(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new LocalDomain(sp.GetRequiredService<CallServiceSettings>().Signalling));
        services.AddSingleton(sp => new SessionRouter(sp.GetRequiredService<TimerWheel>(), sp.GetRequiredService<CallServiceSettings>().Sessions,
            sp.GetRequiredService<ILogger<SessionRouter>>()));
        services.AddSingleton(sp =>
        {
            var calls = sp.GetRequiredService<CallServiceSettings>();
            return new CallMediaOptions
            {
                Ports = sp.GetRequiredService<RtpPortAllocator>(),
                Address = sp.GetRequiredService<MediaServiceSettings>().Address,
                RecordingsFolder = calls.RecordingsFolder,
                RecordingCatalog = sp.GetService<IRecordingCatalog>(),
                CallRecords = sp.GetService<ICallRecordSink>(),
                RelatchAfter = calls.RelatchAfter,
                Clock = sp.GetRequiredService<MediaClock>(),
                Prompts = sp.GetRequiredService<PromptCache>(),
                SoundsFolder = calls.SoundsFolder,
                DefaultLanguage = calls.DefaultLanguage,
                PauseCodes = calls.RecordingPauseCodes,
            };
        });
        services.AddSingleton(sp => new DialTargets(sp.GetRequiredService<ICalleeDirectory>(), sp.GetRequiredService<BindingStore>().GetBindings,
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ExtensionOverrides>()));
        services.AddSingleton(sp =>
        {
            var calls = sp.GetRequiredService<CallServiceSettings>();
            return new CallServices
            {
                Sessions = sp.GetRequiredService<SessionRouter>(),
                Authenticator = sp.GetRequiredService<RequestAuthenticator>(),
                DialPlan = sp.GetRequiredService<Func<DialPlan>>(),
                Media = sp.GetRequiredService<CallMediaOptions>(),
                MeetMe = sp.GetRequiredService<MeetMeRooms>(),
                Domain = sp.GetRequiredService<LocalDomain>(),
                Limits = calls.Limits,
                Time = sp.GetRequiredService<TimeProvider>(),
                Active = sp.GetRequiredService<CallRegistry>(),
                Loggers = sp.GetRequiredService<ILoggerFactory>(),
                Targets = sp.GetRequiredService<DialTargets>(),
                MusicOnHold = calls.MusicOnHold,
                Trunks = sp.GetService<TrunkService>(),
                Activity = sp.GetRequiredService<ExtensionActivity>(),
                Applications = [.. sp.GetServices<IRouteApplications>()],
                Agents = sp.GetService<IAgentStates>(),
            };
        });
        services.AddSingleton(sp => new RegistrarService(sp.GetRequiredService<SipRegistrar>(), sp.GetRequiredService<RequestAuthenticator>(),
            sp.GetRequiredService<LocalDomain>(), sp.GetRequiredService<IRegistrationObserver>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<RegistrarService>>()));
        services.AddSingleton(sp => new DialogSubscriptions(sp.GetRequiredService<ExtensionActivity>(), sp.GetRequiredService<RequestAuthenticator>(),
            sp.GetRequiredService<LocalDomain>(), IsExtension(sp.GetRequiredService<ICalleeDirectory>()),
            sp.GetRequiredService<CallServiceSettings>().Subscriptions, sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DialogSubscriptions>>(), sp.GetService<IMessageWaiting>()));
        services.AddSingleton(sp => new SipRequestDispatcher(sp.GetRequiredService<RegistrarService>(), sp.GetRequiredService<CallServiceSettings>().Signalling,
            sp.GetRequiredService<ILogger<SipRequestDispatcher>>(), sp.GetRequiredService<CallServices>())
        {
            Subscriptions = sp.GetRequiredService<DialogSubscriptions>(),
        });
        services.AddSingleton<Softswitch.Channels.ICallOriginator>(sp => sp.GetRequiredService<SipRequestDispatcher>());
        services.AddSingleton(sp => new CallDrain(sp.GetRequiredService<CallRegistry>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<CallDrain>>()));
        return services;
    }

    private static Func<string, bool> IsExtension(ICalleeDirectory directory) => number => directory.Find(number) is not null;
}
