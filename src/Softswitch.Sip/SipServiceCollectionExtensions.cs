using Microsoft.Extensions.DependencyInjection;
using Softswitch.Sip.Auth;
using Softswitch.Sip.Registrar;
using Softswitch.Sip.Security;
using Softswitch.Sip.Stack;
using Softswitch.Sip.Timing;

namespace Softswitch.Sip;

/// <summary>The SIP layer's shared services, for the host's container.</summary>
public static class SipServiceCollectionExtensions
{
    /// <summary>
    /// Registers digest authentication (nonces, the digest math, the one gate for REGISTER and INVITE), the binding store
    /// and the registrar over it. The host provides: a <see cref="TimeProvider"/>, an <see cref="ICredentialStore"/>
    /// (passwords), an <see cref="IRegistrationObserver"/>, and optionally an <see cref="IBindingStoreObserver"/>
    /// (persistence) and a <see cref="SourceGuard"/> (bans) — the guard must be ready before the authenticator is first
    /// resolved.
    /// </summary>
    public static IServiceCollection AddSoftswitchSip(this IServiceCollection services, Func<IServiceProvider, SipServiceSettings> settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton(sp => new TimerWheel(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<SipServiceSettings>().TimerResolution));
        services.AddSingleton(sp => new NonceManager(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<SipServiceSettings>().Nonces));
        services.AddSingleton(sp => new DigestAuthenticator(sp.GetRequiredService<NonceManager>(), sp.GetRequiredService<SipServiceSettings>().Digest));
        services.AddSingleton(sp => new RequestAuthenticator(sp.GetRequiredService<DigestAuthenticator>(), sp.GetRequiredService<ICredentialStore>(),
            sp.GetRequiredService<SipServiceSettings>().Authentication, sp.GetService<Func<SourceGuard>>()?.Invoke()));
        services.AddSingleton(sp => new BindingStore(sp.GetRequiredService<TimeProvider>(), sp.GetService<IBindingStoreObserver>()));
        services.AddSingleton(sp => new SipRegistrar(sp.GetRequiredService<BindingStore>(), sp.GetRequiredService<SipServiceSettings>().Registrar,
            sp.GetRequiredService<IRegistrationObserver>()));
        return services;
    }
}
