using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Softswitch.Calls;
using Softswitch.Calls.Routing;
using Softswitch.Configuration.Options;
using Softswitch.Ivr;
using Softswitch.Ivr.Runtime;
using Softswitch.Ivr.Speech;

namespace Softswitch.Hosting;

/// <summary>
/// The IVR joins the switch: its flows folder (resolved like the database's path), the number speaker, espeak-ng for
/// <c>speak</c> text nobody recorded (cached next to the database), HTTP for lookups, and <see cref="FlowRoutes"/> so
/// routes to <c>flow: NAME</c> run a flow.
/// </summary>
internal static class IvrComposition
{
    /// <summary>An <c>http</c> node waits at most its own timeout; this only bounds a node that forgot one.</summary>
    private static readonly TimeSpan HttpCeiling = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddSoftswitchIvr(this IServiceCollection services, string databasePath)
    {
        services.AddSingleton(sp =>
        {
            var calls = sp.GetRequiredService<CallServiceSettings>();
            var loggers = sp.GetRequiredService<ILoggerFactory>();
            var cache = Path.Combine(Path.GetDirectoryName(databasePath) ?? ".", "speech-cache");
            return new FlowServices
            {
                TimeProvider = sp.GetRequiredService<TimeProvider>(),
                SoundsFolder = calls.SoundsFolder,
                DefaultLanguage = calls.DefaultLanguage,
                NumberSpeaker = new SpokenNumbers(),
                SpeechSynthesizer = new EspeakSynthesizer(new EspeakSynthesizerOptions { CacheFolder = cache }, loggers.CreateLogger<EspeakSynthesizer>()),
                HttpClient = new HttpClient { Timeout = HttpCeiling },
                LoggerFactory = loggers,
            };
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptionsMonitor<SoftswitchOptions>>().CurrentValue;
            var root = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
            return new FlowLibrary(Path.GetFullPath(options.Ivr.Flows, root), sp.GetRequiredService<FlowServices>());
        });
        services.AddSingleton<IRouteApplications, FlowRoutes>();
        services.AddHostedService<IvrHostedService>();
        return services;
    }
}
