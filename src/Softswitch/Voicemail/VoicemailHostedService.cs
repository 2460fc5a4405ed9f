using Microsoft.Extensions.Hosting;
using Softswitch.Media.Recording;

namespace Softswitch.Voicemail;

/// <summary>Creates the voicemail folder and reads the boxes' counts before SIP takes message-waiting subscriptions.</summary>
internal sealed class VoicemailHostedService(VoicemailStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        RecordingPaths.CreateFolder(store.Folder);
        return store.LoadAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
