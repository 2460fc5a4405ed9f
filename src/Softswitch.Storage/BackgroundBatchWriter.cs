using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Softswitch.Storage;

/// <summary>
/// Takes rows off a hot path (SIP receive, the end of a call): <see cref="TryEnqueue"/> never blocks or touches the
/// disk; one background consumer drains a bounded queue and stores in batches, one transaction per batch.
/// Disposing stops intake and waits until everything queued is written.
/// </summary>
public abstract class BackgroundBatchWriter<T> : IAsyncDisposable
{
    private const int MaxBatchSize = 256;

    private readonly Channel<T> _queue;
    private readonly ILogger _logger;
    private readonly string _what;
    private readonly Task _consumer;
    private long _dropped;
    private long _written;

    /// <summary>Starts the background consumer; <paramref name="what"/> names the rows in log lines ("registration events").</summary>
    protected BackgroundBatchWriter(string what, ILogger logger, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _what = what;
        _logger = logger;
        _queue = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then reports "full" instead of waiting
        });
        _consumer = Task.Run(ConsumeAsync);
    }

    /// <summary>Rows refused because the queue was full or the writer was shutting down, or lost to a failed batch.</summary>
    public long DroppedCount => Interlocked.Read(ref _dropped);

    /// <summary>Rows stored so far.</summary>
    public long WrittenCount => Interlocked.Read(ref _written);

    /// <summary>Queues a row for storage; returns false (and counts a drop) if it cannot be queued.</summary>
    public bool TryEnqueue(T item)
    {
        if (_queue.Writer.TryWrite(item))
        {
            return true;
        }

        // Log the first drop and then every thousandth, so a flood does not flood the log too.
        var dropped = Interlocked.Increment(ref _dropped);
        if (dropped == 1 || dropped % 1000 == 0)
        {
            _logger.LogWarning("The {What} queue is full or closed; {Dropped} dropped so far", _what, dropped);
        }

        return false;
    }

    /// <summary>Stops intake and returns once every queued row has been written (or failed).</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _consumer.ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>Stores one batch in one transaction.</summary>
    protected abstract Task StoreAsync(IReadOnlyCollection<T> batch);

    private async Task ConsumeAsync()
    {
        var batch = new List<T>(MaxBatchSize);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxBatchSize && reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            try
            {
                await StoreAsync(batch).ConfigureAwait(false);
                Interlocked.Add(ref _written, batch.Count);
            }
            catch (Exception ex)
            {
                // A full disk or locked file must not kill the writer; the batch is lost, later ones may succeed.
                Interlocked.Add(ref _dropped, batch.Count);
                _logger.LogError(ex, "Could not store {Count} {What}", batch.Count, _what);
            }

            batch.Clear();
        }
    }
}
