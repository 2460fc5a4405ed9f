using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Softswitch.Calls;
using Softswitch.Calls.Presence;
using Softswitch.Calls.Routing;
using Softswitch.Configuration.Options;
using Softswitch.Extensions;
using Softswitch.Ivr;
using Softswitch.Ivr.Runtime;
using Softswitch.Ivr.Speech;
using Softswitch.Storage.Voicemail;
using Softswitch.Voicemail;

namespace Softswitch.Hosting;

/// <summary>
/// The IVR joins the switch: its flows folder (resolved like the database's path), the number speaker, espeak-ng for
/// <c>speak</c> text nobody recorded (cached next to the database), HTTP for lookups, the mailboxes
/// (<see cref="VoicemailStore"/>: messages left by flows, opened by their owners, counted for message-waiting NOTIFY),
/// and <see cref="FlowRoutes"/> so routes to <c>flow: NAME</c> run a flow.
/// </summary>
internal static class IvrComposition
{
    /// <summary>An <c>http</c> node waits at most its own timeout; this only bounds a node that forgot one.</summary>
    private static readonly TimeSpan HttpCeiling = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddSoftswitchIvr(this IServiceCollection services, string databasePath)
    {
        services.AddSingleton<VoicemailRepository>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptionsMonitor<SoftswitchOptions>>();
            // Resolved like the recordings folder; read once, moving it needs a restart.
            var folder = Path.GetFullPath(options.CurrentValue.Storage.Voicemail, sp.GetRequiredService<IHostEnvironment>().ContentRootPath);
            var extensions = sp.GetRequiredService<IExtensionDirectory>();
            return new VoicemailStore(sp.GetRequiredService<VoicemailRepository>(), folder, box => extensions.TryGet(box, out _),
                box => options.CurrentValue.Extensions.FirstOrDefault(e => e.Number == box)?.Voicemail?.Pin,
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<VoicemailStore>>());
        });
        services.AddSingleton<IMessageWaiting>(sp => sp.GetRequiredService<VoicemailStore>());
        services.AddHostedService<VoicemailHostedService>();
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
                VoicemailDrop = sp.GetRequiredService<VoicemailStore>(),
                Mailboxes = sp.GetRequiredService<VoicemailStore>(),
                Queues = sp.GetService<ICallQueues>(),
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
