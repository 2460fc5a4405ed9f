using Softswitch.Channels;
using Softswitch.Media.Audio;
using Softswitch.Media.Recording;

namespace Softswitch.Calls.Bridging;

/// <summary>
/// <see cref="ICallChannel.RecordAsync"/>: a beep, then the caller's voice into a mono WAV until a stop key, silence,
/// the maximum length or hang-up. The recorder taps the caller's media for as long as the message lasts.
/// </summary>
internal static class MessageRecording
{
    private static readonly TonePattern Beep = new(1000, 0, CallProgressTones.DefaultLevelDbm0, 400, 100);

    public static async Task<RecordResult> RecordAsync(CallChannel channel, RecordRequest request, CancellationToken cancellationToken)
    {
        if (channel.HungUp.IsCancellationRequested) return new RecordResult(RecordOutcome.HungUp, TimeSpan.Zero);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(channel.HungUp, cancellationToken);
        if (request.Beep)
        {
            var beep = channel.Options.Prompts.GetTone(Beep, channel.Media.Codec);
            await channel.Player.PlayAsync([beep], interruptible: false, linked.Token).ConfigureAwait(false);
        }

        channel.ClearTypeAhead(); // keys from the menu before the beep do not stop the message
        var recorder = MessageRecorder.Start(request.Path, channel.Media.Codec, channel.Options.Clock, request.MaxLength, request.SilenceTimeout, channel.Time);
        channel.Media.Tap = recorder;
        try
        {
            var key = WaitForStopKeyAsync(channel, request.StopKeys, linked.Token);
            var ended = await Task.WhenAny(recorder.Stopped, key).ConfigureAwait(false);
            if (ended == key && key.Result is { } stopKey) return new RecordResult(RecordOutcome.StoppedByKey, recorder.Length, stopKey);
            if (ended == recorder.Stopped)
            {
                return new RecordResult(recorder.Stopped.Result == MessageRecorderStop.Silence ? RecordOutcome.Silence : RecordOutcome.MaxLength, recorder.Length);
            }

            return new RecordResult(RecordOutcome.HungUp, recorder.Length);
        }
        finally
        {
            linked.Cancel(); // ends the key wait when silence or the length ended the message
            channel.Media.Tap = null;
            await recorder.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The first stop key the caller presses (other keys are dropped), or null when cancelled.</summary>
    private static async Task<char?> WaitForStopKeyAsync(CallChannel channel, string stopKeys, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var key = await channel.Keys.ReadAsync(cancellationToken).ConfigureAwait(false);
                if (stopKeys.Contains(key)) return key;
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }
}
