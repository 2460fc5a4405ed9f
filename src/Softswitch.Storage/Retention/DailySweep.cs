namespace Softswitch.Storage.Retention;

/// <summary>
/// The schedule of a retention sweep: one sweep at a time, run again once a day on the injected clock; a failed
/// background sweep is reported and tomorrow's still runs. Disposing stops the schedule and waits for a sweep in progress.
/// </summary>
internal sealed class DailySweep(TimeProvider time, Func<Task> sweep, Action<Exception> failed) : IAsyncDisposable
{
    private readonly SemaphoreSlim _running = new(1, 1);
    private ITimer? _timer;

    /// <summary>Runs <paramref name="work"/> alone (a sweep in progress finishes first).</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        await _running.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await work().ConfigureAwait(false);
        }
        finally
        {
            _running.Release();
        }
    }

    /// <summary>Arms the daily run (the first one day from now).</summary>
    public void Arm() => _timer = time.CreateTimer(_ => _ = RunInBackgroundAsync(), null, RetentionSweeper.Interval, RetentionSweeper.Interval);

    public async ValueTask DisposeAsync()
    {
        if (_timer is not null) await _timer.DisposeAsync().ConfigureAwait(false);
        _timer = null;
        await _running.WaitAsync().ConfigureAwait(false);
        _running.Release();
    }

    private async Task RunInBackgroundAsync()
    {
        try
        {
            await sweep().ConfigureAwait(false);
        }
        catch (Exception error)
        {
            // A locked or full database today must not stop tomorrow's sweep.
            failed(error);
        }
    }
}
