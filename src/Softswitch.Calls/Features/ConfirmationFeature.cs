using Softswitch.Calls.Legs;

namespace Softswitch.Calls.Features;

/// <summary>Answers a feature code: plays one prompt (feature-on, feature-off) and hangs up.</summary>
public sealed class ConfirmationFeature(string prompt) : ICallFeature
{
    public string Name => $"feature code ({prompt})";

    public async Task RunAsync(InboundCall call)
    {
        if (call.Prompt(prompt) is not { } audio) return;
        await call.Player.PlayAsync([audio], interruptible: false, call.Ended).ConfigureAwait(false);
    }
}
