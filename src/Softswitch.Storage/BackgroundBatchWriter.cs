using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Softswitch.Storage;

/// <summary>
/// Takes rows off the SIP path: <see cref="TryEnqueue"/> never blocks or touches the disk; one background consumer
/// drains a bounded queue in order and hands batches to <c>store</c> (one transaction each). Disposing stops intake
/// and waits until everything queued is written. What the rows are is the caller's business (<paramref name="what"/>
/// names them in log lines).
/// </summary>
public sealed class BackgroundBatchWriter<T> : IAsyncDisposable
{
    private const int MaxBatchSize = 256;

    private readonly Channel<T> _queue;
    private readonly Func<IReadOnlyCollection<T>, Task> _store;
    private readonly string _what;
    private readonly ILogger _logger;
    private readonly Task _consumer;
    private long _dropped;
    private long _written;

    /// <summary>Starts the background consumer.</summary>
    public BackgroundBatchWriter(Func<IReadOnlyCollection<T>, Task> store, string what, ILogger logger, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _store = store;
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

    /// <summary>Items refused because the queue was full or the writer was shutting down, or lost to a failed batch.</summary>
    public long DroppedCount => Interlocked.Read(ref _dropped);

    /// <summary>Items stored so far.</summary>
    public long WrittenCount => Interlocked.Read(ref _written);

    /// <summary>Queues an item for storage; returns false (and counts a drop) if it cannot be queued.</summary>
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

    /// <summary>Stops intake and returns once every queued item has been written (or failed).</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _consumer.ConfigureAwait(false);
    }

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
                await _store(batch).ConfigureAwait(false);
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
