using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Softswitch.Storage.Recordings;

/// <summary>
/// Stores the rows of closed recordings in the background (see <see cref="BackgroundBatchWriter{T}"/>), so the end of a
/// call never waits for the database; flushed on dispose.
/// </summary>
public sealed class RecordingWriter : IAsyncDisposable
{
    /// <summary>Default queue bound: far more calls than end in the seconds a slow disk may stall.</summary>
    public const int DefaultCapacity = 10_000;

    private readonly BackgroundBatchWriter<StoredRecording> _writer;

    /// <summary>Starts the background consumer.</summary>
    public RecordingWriter(RecordingRepository repository, ILogger<RecordingWriter>? logger = null, int capacity = DefaultCapacity) =>
        _writer = new BackgroundBatchWriter<StoredRecording>(
            rows => repository.AddBatchAsync(rows), "recording rows",
            logger ?? (ILogger)NullLogger<RecordingWriter>.Instance, capacity);

    /// <summary>Rows refused because the queue was full or the writer was shutting down.</summary>
    public long DroppedCount => _writer.DroppedCount;

    /// <summary>Rows stored so far.</summary>
    public long WrittenCount => _writer.WrittenCount;

    /// <summary>Queues a row for storage; returns false (and counts a drop) if it cannot be queued.</summary>
    public bool TryEnqueue(StoredRecording recording) => _writer.TryEnqueue(recording);

    /// <summary>Stops intake and returns once every queued row has been written (or failed).</summary>
    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
