using Softswitch.Calls.Legs;
using Softswitch.Media.Legs;

namespace Softswitch.Calls.Features;

/// <summary>The echo test (*43 in the demo): the caller's packets go straight back, re-stamped as our stream, until they hang up.</summary>
public sealed class EchoFeature : ICallFeature
{
    public static EchoFeature Instance { get; } = new();

    public string Name => "echo";

    public async Task RunAsync(InboundCall call)
    {
        call.Media.Consumer = new EchoConsumer(call.Media);
        await call.WhenEnded.ConfigureAwait(false);
    }
}
