using Microsoft.Extensions.Logging;
using Softswitch.Calls.Supervision;
using Softswitch.Media.Dtmf;
using Softswitch.Media.Sdp;

namespace Softswitch.Calls.Legs;

/// <summary>
/// The limits on one call: its place under the concurrency limits (given back when it ends), the watchdog's view of it
/// (last heard, on hold, answered when) and its end by BYE with a Reason when a timeout condemns it; and a budget for
/// its per-digit log lines, so a flood of DTMF cannot fill the disk.
/// </summary>
public sealed partial class InboundCall : IWatchedCall
{
    /// <summary>Digit lines logged per call and window before they are summarised; a person dials far fewer.</summary>
    private const int DigitLinesPerWindow = 50;

    private static readonly TimeSpan DigitLogWindow = TimeSpan.FromMinutes(1);

    private CallAdmissionTicket? _admission;
    private CallWatchdog? _watchdog;
    private RepeatedLineLimiter? _digitLog;
    private long _answeredAt;
    private long _mediaChangedAt;
    private volatile bool _onHold;

    public long AnsweredTimestamp => Volatile.Read(ref _answeredAt);

    public long LastHeardTimestamp => Math.Max(_leg?.LastReceivedTimestamp ?? 0, Volatile.Read(ref _mediaChangedAt));

    public bool OnHold => _onHold;

    public void EndFor(CallTimeout timeout)
    {
        _end ??= timeout switch
        {
            CallTimeout.Hold => InboundCallEnd.HoldTimeout,
            CallTimeout.MaxCallLength => InboundCallEnd.MaxCallLength,
            _ => InboundCallEnd.RtpTimeout,
        };
        _session?.Hangup(CallTimeoutRule.ReasonHeader(timeout));
        MarkEnded();
    }

    /// <summary>Answered with media running: the watchdog starts counting from now.</summary>
    private void StartWatching(NegotiationResult negotiated)
    {
        var now = _time.GetTimestamp();
        Volatile.Write(ref _answeredAt, now);
        MediaChanged(negotiated);
        _watchdog?.Watch(this);
    }

    /// <summary>A new answer (first one or a re-INVITE's): hold state, and silence counted from now.</summary>
    private void MediaChanged(NegotiationResult negotiated)
    {
        _onHold = negotiated.LocalDirection != SdpMediaDirection.SendRecv;
        Volatile.Write(ref _mediaChangedAt, _time.GetTimestamp());
    }

    /// <summary>Off the watchdog (harmless when never watched).</summary>
    private void StopWatching() => _watchdog?.Forget(this);

    /// <summary>The call's place under the limits given back, just before its ports (free ports imply a free place); harmless twice.</summary>
    private void ReleaseAdmission() => _admission?.Dispose();

    /// <summary>One digit's line, within the call's budget; a summary of those left out when the next window opens.</summary>
    private void LogDigitLimited(DtmfEvent digit)
    {
        _digitLog ??= new RepeatedLineLimiter(DigitLinesPerWindow, DigitLogWindow, _time);
        var logged = _digitLog.TryTake(out var suppressed);
        if (suppressed > 0) LogDigitsSuppressed(CallId, suppressed);
        if (logged) LogDigit(CallId, digit.Digit.ToChar(), digit.Source, (int)digit.Duration.TotalMilliseconds);
    }

    /// <summary>At the end of the call, how many digit lines were left out since the last summary.</summary>
    private void LogLastDigitSummary()
    {
        if (_digitLog?.TakeSuppressed() is int suppressed and > 0) LogDigitsSuppressed(CallId, suppressed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: {Suppressed} more DTMF events suppressed")]
    private partial void LogDigitsSuppressed(string callId, int suppressed);
}
