using Softswitch.Calls.Bridging;
using Softswitch.Channels;
using Softswitch.Media.Legs;

namespace Softswitch.Calls.Features;

/// <summary>The echo test (*43 in the demo): the caller's packets go straight back, re-stamped as our stream, until they hang up.</summary>
public sealed class EchoFeature : ICallApplication
{
    public static EchoFeature Instance { get; } = new();

    public string Name => "echo";

    public async Task RunAsync(ICallChannel channel)
    {
        // Echo is the switch's own: it needs the caller's media itself, which an IVR or a queue never sees.
        var media = ((ILocalMediaChannel)channel).Media;
        media.Consumer = new EchoConsumer(media);
        try
        {
            await ChannelWaits.UntilHungUpAsync(channel).ConfigureAwait(false);
        }
        finally
        {
            media.Consumer = null;
        }
    }
}
