using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Softswitch.Storage.Registrations;

/// <summary>
/// Takes registration events off the SIP receive path (see <see cref="BackgroundBatchWriter{T}"/>): never blocks,
/// inserts in batches in the background, flushed on dispose.
/// </summary>
public sealed class RegistrationEventWriter(
    RegistrationEventRepository repository,
    ILogger<RegistrationEventWriter>? logger = null,
    int capacity = RegistrationEventWriter.DefaultCapacity)
    : BackgroundBatchWriter<RegistrationEvent>("registration events", logger ?? NullLogger<RegistrationEventWriter>.Instance, capacity)
{
    /// <summary>Default queue bound; beyond it events are dropped rather than stalling SIP.</summary>
    public const int DefaultCapacity = 10_000;

    /// <inheritdoc/>
    protected override Task StoreAsync(IReadOnlyCollection<RegistrationEvent> batch) => repository.AddBatchAsync(batch);
}
