using Microsoft.Extensions.Logging;

namespace Softswitch.Calls.Legs;

/// <summary>
/// The shutdown drain: new calls are refused (503), the calls in progress get a grace period to end on their own,
/// then each one left is hung up with BYE and waited for until its recording is closed and its ports are free, and
/// (briefly) until its BYE is answered. Run it while the SIP stack still sends and receives.
/// </summary>
public sealed partial class CallDrain(CallRegistry calls, TimeProvider time, ILogger<CallDrain> logger)
{
    /// <summary>How long the hung-up calls get to release their media and see their BYE answered (16·T1 at the default T1).</summary>
    public static readonly TimeSpan HangupWait = TimeSpan.FromSeconds(8);

    /// <summary>Refuses new calls, waits up to <paramref name="grace"/> for calls to end, then hangs up the rest.</summary>
    public async Task DrainAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        var inProgress = calls.Close();
        LogDraining(inProgress.Count, grace.TotalSeconds);
        if (inProgress.Count == 0) return;

        await WaitAsync(inProgress.Select(call => call.WhenReleased), grace, cancellationToken).ConfigureAwait(false);
        var left = inProgress.Where(call => !call.WhenReleased.IsCompleted).ToList();
        LogEndedInGrace(inProgress.Count - left.Count, left.Count);
        if (left.Count == 0) return;

        foreach (var call in left) call.HangupForShutdown();
        var released = await WaitAsync(left.Select(call => call.WhenReleased).Concat(left.Select(call => call.WhenSignallingEnded)),
            HangupWait, cancellationToken).ConfigureAwait(false);
        if (released) LogHungUp(left.Count);
        else LogHangupIncomplete(left.Count(call => !call.WhenReleased.IsCompleted), left.Count(call => !call.WhenSignallingEnded.IsCompleted));
    }

    /// <summary>True when every task completed within <paramref name="timeout"/>; false on timeout or cancellation.</summary>
    private async Task<bool> WaitAsync(IEnumerable<Task> tasks, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(tasks).WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: new calls refused with 503; {Calls} calls in progress get {GraceSeconds} s to end")]
    private partial void LogDraining(int calls, double graceSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: {Ended} calls ended in the grace period, {Left} to hang up")]
    private partial void LogEndedInGrace(int ended, int left);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: {Calls} calls hung up with BYE, recordings closed")]
    private partial void LogHungUp(int calls);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shutting down: {Unreleased} calls still releasing media and {Unanswered} BYEs unanswered; stopping anyway")]
    private partial void LogHangupIncomplete(int unreleased, int unanswered);
}
