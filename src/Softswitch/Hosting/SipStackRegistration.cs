using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Softswitch.Calls.Trunks;
using Softswitch.Configuration.Options;

namespace Softswitch.Hosting;

/// <summary>
/// The seam where the SIP stack joins the host. Register its hosted service here; it can take
/// from DI: <c>IOptionsMonitor&lt;SoftswitchOptions&gt;</c> (sip, registrar, auth sections, reload
/// aware), <see cref="Extensions.IExtensionDirectory"/> (passwords for digest auth), a
/// <c>RegistrationEventWriter</c> (history of REGISTERs, non-blocking), <c>TimeProvider</c> and
/// <c>ILogger&lt;T&gt;</c>. Hosted services start in registration order, after storage.
/// </summary>
public static class SipStackRegistration
{
    /// <summary>Adds the SIP transports, transaction layer and registrar to the host.</summary>
    public static IServiceCollection AddSipStack(this IServiceCollection services)
    {
        services.AddHostedService<RecordingRepairService>(); // before the first call can write a recording
        services.AddHostedService<CodeWarmupService>(); // hosted services start in order: compiled before listening
        services.AddSingleton<SourceBanService>();
        services.AddSoftswitchCallLayers();
        services.AddSingleton<SipHostedService>();
        services.AddHostedService(sp => sp.GetRequiredService<SipHostedService>());
        // Trunks are read at start; their loops start once the stack listens and stop before it does.
        services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<IOptionsMonitor<SoftswitchOptions>>().CurrentValue;
            var loggers = sp.GetRequiredService<ILoggerFactory>();
            return new TrunkService(settings.Trunks.Select(TrunkSettingsMap.From),
                new DnsSipServerLocator(TrunkSettingsMap.DnsServers(settings.Dns), loggers.CreateLogger<DnsSipServerLocator>()),
                sp.GetRequiredService<TimeProvider>(), loggers);
        });
        services.AddHostedService<TrunkHostedService>();
        return services;
    }
}
