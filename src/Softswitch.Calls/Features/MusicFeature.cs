using Softswitch.Calls.Legs;

namespace Softswitch.Calls.Features;

/// <summary>Music on hold until the caller hangs up: the class's file, encoded once for the call's codec, looped.</summary>
public sealed partial class MusicFeature(string musicClass) : ICallFeature
{
    public string Name => $"music {musicClass}";

    public async Task RunAsync(InboundCall call)
    {
        if (call.Prompt($"music/{musicClass}") is { } music) call.Player.PlayLoop(music);
        await call.WhenEnded.ConfigureAwait(false);
    }
}
