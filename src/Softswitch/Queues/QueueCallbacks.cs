using Softswitch.Acd.Events;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Softswitch.Acd.Routing;
using Softswitch.Channels;
using Softswitch.Configuration.Options;

namespace Softswitch.Queues;

/// <summary>
/// Virtual hold for the queues whose <c>callback</c> is enabled. A waiting caller hears the offer and may press the key
/// (<see cref="CallbackListener"/>); it then stays in the engine as a virtual caller in its place and hangs up. When the
/// engine offers it to an agent, a <see cref="VirtualCaller"/> originates a call to the agent, who hears "callback for"
/// and the number (<see cref="CallbackApplication"/>), then the switch dials the caller and bridges the two. The
/// caller's row gets <c>queue_result: callback_requested</c>; each callback call's row <c>callback_for</c>.
/// </summary>
public sealed partial class QueueCallbacks(
    AcdService acd,
    Func<ICallOriginator> originator,
    IOptionsMonitor<SoftswitchOptions> options,
    TimeProvider time,
    ILogger<QueueCallbacks> logger)
{
    /// <summary>"To keep your place and be called back, press" (then the key) in the caller's language.</summary>
    public const string OfferPrompt = "queue-callback-offer";

    /// <summary>"You keep your place; we will call you back. Goodbye."</summary>
    public const string ConfirmPrompt = "queue-callback-confirm";

    /// <summary>What the agent hears first, before the caller's number in digits.</summary>
    public const string CallbackForPrompt = "callback-for";

    /// <summary>
    /// The listener for a caller of <paramref name="queue"/> who entered at <paramref name="entered"/> (a timestamp of the
    /// switch's clock); null when the queue offers no callback or the caller's number is unknown (nobody to call back).
    /// </summary>
    public CallbackListener? Listen(ICallChannel channel, string queue, long entered) =>
        SettingsOf(queue) is { Enabled: true } settings && IsDiallable(channel.Caller)
            ? new CallbackListener(this, channel, queue, settings, entered)
            : null;

    /// <summary>The key's prompt: a digit is said as itself, * and # by name.</summary>
    internal static Prompt KeyPrompt(char key) => Prompt.Named(key switch
    {
        '*' => "star",
        '#' => "hash",
        _ => "digits/" + key,
    });

    /// <summary>
    /// The caller pressed the key: it becomes a virtual caller (false when the engine refused: an agent is being offered
    /// it right now), its row says so, and its callbacks start.
    /// </summary>
    internal async Task<bool> TryRequestAsync(ICallChannel channel, string queue, QueueCallbackOptions settings, long entered)
    {
        var inbox = Channel.CreateUnbounded<AcdDecision>(new UnboundedChannelOptions { SingleReader = true });
        if (!await acd.RequestCallbackAsync(channel.CallUuid, inbox.Writer).ConfigureAwait(false)) return false;
        var waited = time.GetElapsedTime(entered);
        channel.SetRecordField("queue_result", "callback_requested");
        channel.SetRecordField("wait_seconds", ((int)waited.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        LogRequested(channel.CallUuid, queue, channel.Caller, waited.TotalSeconds);
        acd.NoteFeatureEvent(QueueEventKind.CallbackRequested, channel.CallUuid, queue, null, channel.Caller, waited);
        var record = options.CurrentValue.Queues.FirstOrDefault(q => q.Name == queue)?.Record ?? false;
        var caller = new VirtualCaller(acd, originator(), new VirtualCallerSettings(channel.CallUuid, queue, channel.Caller, channel.CallerName,
            settings.Attempts, TimeSpan.FromSeconds(settings.RetrySeconds), TimeSpan.FromSeconds(settings.RingSeconds), record, entered), time, logger);
        caller.Start(inbox.Reader);
        return true;
    }

    private QueueCallbackOptions? SettingsOf(string queue) => options.CurrentValue.Queues.FirstOrDefault(q => q.Name == queue)?.Callback;

    /// <summary>A number the switch can dial back: digits (a leading + and * # allowed), not withheld.</summary>
    private static bool IsDiallable(string number) =>
        number.Length > 0 && number.All(c => char.IsAsciiDigit(c) || c is '+' or '*' or '#');

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: asked queue {Queue} for a callback to {Number} after {WaitedSeconds:0.0} s; it keeps its place")]
    private partial void LogRequested(string callId, string queue, string number, double waitedSeconds);
}
