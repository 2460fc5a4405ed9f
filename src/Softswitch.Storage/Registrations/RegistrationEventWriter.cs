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

    private readonly BackgroundBatchWriter<RegistrationEvent> _writer;

    /// <summary>Starts the background consumer.</summary>
    public RegistrationEventWriter(
        RegistrationEventRepository repository,
        ILogger<RegistrationEventWriter>? logger = null,
        int capacity = DefaultCapacity) =>
        _writer = new BackgroundBatchWriter<RegistrationEvent>(
            events => repository.AddBatchAsync(events), "registration events",
            logger ?? (ILogger)NullLogger<RegistrationEventWriter>.Instance, capacity);

    /// <summary>Events refused because the queue was full or the writer was shutting down.</summary>
    public long DroppedCount => _writer.DroppedCount;

    /// <summary>Events stored so far.</summary>
    public long WrittenCount => _writer.WrittenCount;

    /// <summary>Queues an event for storage; returns false (and counts a drop) if it cannot be queued.</summary>
    public bool TryEnqueue(RegistrationEvent registrationEvent) => _writer.TryEnqueue(registrationEvent);

    /// <summary>Stops intake and returns once every queued event has been written (or failed).</summary>
    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
