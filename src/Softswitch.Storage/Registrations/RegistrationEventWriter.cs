using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Softswitch.Storage.Registrations;

/// <summary>
/// Takes registration events off the SIP receive path: <see cref="TryEnqueue"/> never blocks or
/// touches the disk; one background consumer drains a bounded queue and inserts in batches, one
/// transaction per batch. Disposing stops intake and waits until everything queued is written.
/// </summary>
public sealed class RegistrationEventWriter : IAsyncDisposable
{
    /// <summary>Default queue bound; beyond it events are dropped rather than stalling SIP.</summary>
    public const int DefaultCapacity = 10_000;

    private const int MaxBatchSize = 256;

    private readonly Channel<RegistrationEvent> _queue;
    private readonly RegistrationEventRepository _repository;
    private readonly ILogger<RegistrationEventWriter> _logger;
    private readonly Task _consumer;
    private long _dropped;
    private long _written;

    /// <summary>Starts the background consumer.</summary>
    public RegistrationEventWriter(
        RegistrationEventRepository repository,
        ILogger<RegistrationEventWriter>? logger = null,
        int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _repository = repository;
        _logger = logger ?? NullLogger<RegistrationEventWriter>.Instance;
        _queue = Channel.CreateBounded<RegistrationEvent>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then reports "full" instead of waiting
        });
        _consumer = Task.Run(ConsumeAsync);
    }

    /// <summary>Events refused because the queue was full or the writer was shutting down.</summary>
    public long DroppedCount => Interlocked.Read(ref _dropped);

    /// <summary>Events stored so far.</summary>
    public long WrittenCount => Interlocked.Read(ref _written);

    /// <summary>Queues an event for storage; returns false (and counts a drop) if it cannot be queued.</summary>
    public bool TryEnqueue(RegistrationEvent registrationEvent)
    {
        if (_queue.Writer.TryWrite(registrationEvent))
        {
            return true;
        }

        // Log the first drop and then every thousandth, so a flood does not flood the log too.
        var dropped = Interlocked.Increment(ref _dropped);
        if (dropped == 1 || dropped % 1000 == 0)
        {
            _logger.LogWarning("Registration event queue is full or closed; {Dropped} events dropped so far", dropped);
        }

        return false;
    }

    /// <summary>Stops intake and returns once every queued event has been written (or failed).</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _consumer.ConfigureAwait(false);
    }

    private async Task ConsumeAsync()
    {
        var batch = new List<RegistrationEvent>(MaxBatchSize);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxBatchSize && reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            try
            {
                await _repository.AddBatchAsync(batch).ConfigureAwait(false);
                Interlocked.Add(ref _written, batch.Count);
            }
            catch (Exception ex)
            {
                // A full disk or locked file must not kill the writer; the batch is lost, later ones may succeed.
                Interlocked.Add(ref _dropped, batch.Count);
                _logger.LogError(ex, "Could not store {Count} registration events", batch.Count);
            }

            batch.Clear();
        }
    }
}
