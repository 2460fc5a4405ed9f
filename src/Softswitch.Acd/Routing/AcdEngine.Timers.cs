using Softswitch.Acd.Model;

namespace Softswitch.Acd.Routing;

public sealed partial class AcdEngine
{
    /// <summary>
    /// Acts on everything due by now: callers reaching a relaxation step (offered if a wider pool has a free agent),
    /// callers reaching the maximum wait (overflow), wrap-ups and rests ending (the agent takes the next caller).
    /// </summary>
    public void AdvanceTime()
    {
        var now = NowTicks();
        while (_timers.TryPeek(out var timer, out var due) && due.Due <= now)
        {
            _timers.Dequeue();
            switch (timer.Kind)
            {
                case AcdTimerKind.Relax:
                    Relax(timer.Caller!, timer.Level);
                    break;
                case AcdTimerKind.MaxWait:
                    // A caller being offered finishes its offer; a failed one then overflows (Requeue).
                    if (timer.Caller!.Present && timer.Caller.Waiting && !timer.Caller.Callback) Overflow(timer.Caller, OverflowReason.MaxWait);
                    break;
                case AcdTimerKind.WrapUpEnd:
                    var wrapping = timer.Agent!;
                    if (wrapping.State == AgentState.WrapUp && wrapping.WrapUpUntilTicks == timer.DueTicks) ReleaseAgent(wrapping);
                    break;
                case AcdTimerKind.CallbackRetry:
                    RetryCallback(timer.Caller!, timer.DueTicks);
                    break;
                case AcdTimerKind.RestEnd:
                    if (timer.Agent!.RestingUntilTicks == timer.DueTicks) Refresh(timer.Agent);
                    break;
            }
        }
    }

    private void Relax(CallerRecord caller, int level)
    {
        if (!caller.Present || caller.Level != level - 1) return;
        var waiting = caller.Waiting;
        StopWaiting(caller);
        caller.Level = level;
        ArmRelaxation(caller);
        // A caller being offered keeps its offer and waits at the new level if it fails.
        if (waiting) Place(caller);
    }
}
