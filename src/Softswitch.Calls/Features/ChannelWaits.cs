using Softswitch.Channels;

namespace Softswitch.Calls.Features;

/// <summary>Waiting on a channel without polling.</summary>
internal static class ChannelWaits
{
    /// <summary>Completes (never faults) once the caller has hung up.</summary>
    public static Task UntilHungUpAsync(ICallChannel channel)
    {
        if (channel.HungUp.IsCancellationRequested) return Task.CompletedTask;
        var hungUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var registration = channel.HungUp.Register(() => hungUp.TrySetResult());
        return hungUp.Task.ContinueWith(_ => registration.Dispose(), TaskScheduler.Default);
    }
}
