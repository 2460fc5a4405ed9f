using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Softswitch.Storage.Bindings;

/// <summary>
/// Writes registrar bindings behind the SIP path: <see cref="TryEnqueue"/> only queues; a background consumer applies
/// the writes in the order they were queued (a refresh then a removal of the same binding must end with no row),
/// in batches. Disposing waits until everything queued is written, so a clean stop loses nothing.
/// </summary>
public sealed class BindingWriter : IAsyncDisposable
{
    /// <summary>Default queue bound; beyond it writes are dropped (the binding is then only in memory until its next refresh).</summary>
    public const int DefaultCapacity = 10_000;

    private readonly BackgroundBatchWriter<BindingWrite> _writer;

    /// <summary>Starts the background consumer.</summary>
    public BindingWriter(BindingRepository repository, ILogger<BindingWriter>? logger = null, int capacity = DefaultCapacity) =>
        _writer = new BackgroundBatchWriter<BindingWrite>(
            writes => repository.ApplyAsync(writes), "registrar binding writes",
            logger ?? (ILogger)NullLogger<BindingWriter>.Instance, capacity);

    /// <summary>Writes refused (queue full or closed) or lost to a failed batch.</summary>
    public long DroppedCount => _writer.DroppedCount;

    /// <summary>Writes applied so far.</summary>
    public long WrittenCount => _writer.WrittenCount;

    /// <summary>Queues a write; false when it could not be queued.</summary>
    public bool TryEnqueue(BindingWrite write) => _writer.TryEnqueue(write);

    /// <summary>Stops intake and returns once every queued write has been applied (or failed).</summary>
    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
