using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Softswitch.Storage.Recordings;

/// <summary>
/// Stores the rows of closed recordings in the background (see <see cref="BackgroundBatchWriter{T}"/>), so the end of a
/// call never waits for the database; flushed on dispose.
/// </summary>
public sealed class RecordingWriter(RecordingRepository repository, ILogger<RecordingWriter>? logger = null, int capacity = RecordingWriter.DefaultCapacity)
    : BackgroundBatchWriter<StoredRecording>("recording rows", logger ?? NullLogger<RecordingWriter>.Instance, capacity)
{
    /// <summary>Default queue bound: far more calls than end in the seconds a slow disk may stall.</summary>
    public const int DefaultCapacity = 10_000;

    /// <inheritdoc/>
    protected override Task StoreAsync(IReadOnlyCollection<StoredRecording> batch) => repository.AddBatchAsync(batch);
}
