using System.Globalization;
using Softswitch.Channels;

namespace Softswitch.Queues;

/// <summary>
/// The agent's leg of a callback: "callback for" and the caller's number in digits, then the caller is dialled (the
/// agent hears ringback) and the two are bridged, recorded when the queue records. <paramref name="connected"/> runs the
/// moment the caller answers (the engine hears the offer was answered). The row gets <c>queue</c>, <c>agent</c>,
/// <c>wait_seconds</c> (from the caller's entry to its answer) and <c>queue_result</c>.
/// </summary>
public sealed class CallbackApplication(VirtualCallerSettings caller, string agent, Action connected, TimeProvider time) : ICallApplication
{
    private readonly TaskCompletionSource<CallbackOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name => "callback " + caller.Queue;

    /// <summary>How the attempt ended; completes when the application returns.</summary>
    public Task<CallbackOutcome> Outcome => _outcome.Task;

    public async Task RunAsync(ICallChannel channel)
    {
        try
        {
            _outcome.TrySetResult(await CallBackAsync(channel).ConfigureAwait(false));
        }
        finally
        {
            _outcome.TrySetResult(CallbackOutcome.AgentNotReached);
        }
    }

    private async Task<CallbackOutcome> CallBackAsync(ICallChannel channel)
    {
        channel.SetRecordField("queue", caller.Queue);
        channel.SetRecordField("agent", agent);
        var announcement = new List<Prompt>(caller.Number.Length + 1) { Prompt.Named(QueueCallbacks.CallbackForPrompt) };
        announcement.AddRange(caller.Number.Where(c => c != '+').Select(QueueCallbacks.KeyPrompt));
        if ((await channel.PlayAsync(announcement, bargeIn: false).ConfigureAwait(false)).Outcome == PlayOutcome.HungUp)
        {
            channel.SetRecordField("queue_result", "callback_agent_gone");
            return CallbackOutcome.AgentNotReached;
        }

        var answered = 0;
        var result = await channel.BridgeAsync(new BridgeRequest
        {
            Destination = caller.Number,
            RingTime = caller.RingTime,
            Record = caller.Record,
            RecordPartyOnLeft = true, // the customer left, the agent right, as on an inbound queue call
            Answered = _ =>
            {
                if (Interlocked.Exchange(ref answered, 1) != 0) return;
                channel.SetRecordField("wait_seconds", ((int)time.GetElapsedTime(caller.Entered).TotalSeconds).ToString(CultureInfo.InvariantCulture));
                channel.SetRecordField("queue_result", "callback_connected");
                connected();
            },
        }).ConfigureAwait(false);

        if (result.Answered) return CallbackOutcome.Connected;
        if (result.Outcome == BridgeOutcome.CallerHungUp)
        {
            // On this call the agent is the caller: the agent left before the caller answered.
            channel.SetRecordField("queue_result", "callback_agent_gone");
            return CallbackOutcome.AgentNotReached;
        }

        channel.SetRecordField("queue_result", "callback_not_answered");
        return CallbackOutcome.CallerNotReached;
    }
}
