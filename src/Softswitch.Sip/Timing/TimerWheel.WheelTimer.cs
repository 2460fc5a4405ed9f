namespace Softswitch.Sip.Timing;

public sealed partial class TimerWheel
{
    /// <summary>One timer on the wheel: a node of its slot's doubly linked list, so cancelling it is O(1).</summary>
    private sealed class WheelTimer(TimerWheel wheel, TimerCallback callback, object? state) : ITimer
    {
        // All of these are guarded by the wheel's gate.
        internal WheelTimer? Previous;
        internal WheelTimer? Next;
        internal int Slot = -1;
        internal long Rounds;
        internal TimeSpan Period;
        // Moves on every Change and Dispose (under the gate): a firing collected before that is stale.
        internal int Generation;
        private bool _disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, Timeout.InfiniteTimeSpan);
            ArgumentOutOfRangeException.ThrowIfLessThan(period, Timeout.InfiniteTimeSpan);
            lock (wheel._gate)
            {
                if (_disposed) return false;
                Generation++;
                wheel.RemoveLocked(this);
                Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
                if (dueTime != Timeout.InfiniteTimeSpan) wheel.InsertLocked(this, dueTime);
                return true;
            }
        }

        /// <summary>Runs the callback unless the timer was moved or disposed after the tick collected it.</summary>
        internal void Fire(int generation)
        {
            if (Volatile.Read(ref Generation) != generation) return;
            callback(state);
        }

        public void Dispose()
        {
            lock (wheel._gate)
            {
                _disposed = true;
                Generation++;
                wheel.RemoveLocked(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
