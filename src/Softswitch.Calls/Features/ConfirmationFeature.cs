using Softswitch.Channels;

namespace Softswitch.Calls.Features;

/// <summary>Answers a feature code: plays one prompt (feature-on, feature-off) and hangs up.</summary>
public sealed class ConfirmationFeature(string prompt) : ICallApplication
{
    public string Name => $"feature code ({prompt})";

    public Task RunAsync(ICallChannel channel) => channel.PlayAsync([Prompt.Named(prompt)], bargeIn: false);
}
