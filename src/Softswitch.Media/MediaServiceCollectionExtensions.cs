using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Softswitch.Media.Clock;
using Softswitch.Media.Playback;
using Softswitch.Media.Rtp;

namespace Softswitch.Media;

/// <summary>The media layer's shared services, for the host's container.</summary>
public static class MediaServiceCollectionExtensions
{
    /// <summary>
    /// Registers the one media clock (started by whoever starts calls), the prompt cache shared by every call (file checks
    /// reused for a second), and the RTP port allocator over <paramref name="settings"/>'s range. Needs a <see cref="TimeProvider"/> and logging.
    /// </summary>
    public static IServiceCollection AddSoftswitchMedia(this IServiceCollection services, Func<IServiceProvider, MediaServiceSettings> settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton(sp => new MediaClock(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<MediaClock>>()));
        services.AddSingleton(sp => new PromptCache(sp.GetRequiredService<TimeProvider>(), PromptCache.DefaultRecheckInterval));
        services.AddSingleton(sp =>
        {
            var media = sp.GetRequiredService<MediaServiceSettings>();
            return new RtpPortAllocator(media.PortMin, media.PortMax, media.Address, sp.GetRequiredService<ILogger<RtpPortAllocator>>());
        });
        return services;
    }
}
