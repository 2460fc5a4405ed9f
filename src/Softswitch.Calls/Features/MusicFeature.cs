using Softswitch.Channels;

namespace Softswitch.Calls.Features;

/// <summary>Music on hold until the caller hangs up: the class's file, encoded once for the call's codec, looped.</summary>
public sealed class MusicFeature(string musicClass) : ICallApplication
{
    public string Name => $"music {musicClass}";

    public async Task RunAsync(ICallChannel channel)
    {
        channel.StartMusic(musicClass);
        await ChannelWaits.UntilHungUpAsync(channel).ConfigureAwait(false);
    }
}
