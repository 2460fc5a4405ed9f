using System.Threading.Channels;
using Softswitch.Acd.Routing;

namespace Softswitch.Queues;

/// <summary>Virtual hold on the engine's loop: a waiting caller turns virtual, and a callback nobody answered waits again.</summary>
public sealed partial class AcdService
{
    /// <summary>
    /// The waiting caller <paramref name="callId"/> becomes a virtual caller in its place; its decisions go to
    /// <paramref name="inbox"/> from now on. False (nothing changed) when it is in no queue or an agent is being offered it.
    /// </summary>
    public Task<bool> RequestCallbackAsync(string callId, ChannelWriter<AcdDecision> inbox)
    {
        var result = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!Post(() =>
            {
                var converted = _engine.RequestCallback(callId);
                if (converted) _callers[callId] = inbox;
                result.TrySetResult(converted);
            }))
        {
            result.TrySetResult(false);
        }

        return result.Task;
    }

    /// <summary>The agent took the callback of <paramref name="offerId"/>, the caller did not answer: it waits again after <paramref name="retryAfter"/>.</summary>
    public void CallbackNotReached(long offerId, TimeSpan retryAfter) => Post(() => _engine.CallbackNotReached(offerId, retryAfter));
}
