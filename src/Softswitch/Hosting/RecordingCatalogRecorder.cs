using Softswitch.Calls.Media;
using Softswitch.Storage;
using Softswitch.Storage.Recordings;

namespace Softswitch.Hosting;

/// <summary>Turns each closed call recording into a row of <c>recordings</c>, through the non-blocking writer.</summary>
internal sealed class RecordingCatalogRecorder(BackgroundBatchWriter<StoredRecording> writer) : IRecordingCatalog
{
    public void Add(FinishedRecording recording) =>
        writer.TryEnqueue(new StoredRecording(
            recording.CallId,
            recording.CallUuid,
            recording.RelativePath,
            recording.StartedAt,
            recording.EndedAt,
            (long)recording.Duration.TotalMilliseconds,
            recording.Channels,
            recording.SampleRate,
            recording.DroppedFrames,
            recording.Caller,
            recording.Dialled));
}
