using System.Collections.Concurrent;
using Softswitch.Calls.Media;

namespace Softswitch.Calls.Tests.Support;

/// <summary>The recordings the calls reported closed, in order: what the host would store as rows.</summary>
internal sealed class CollectedRecordings : IRecordingCatalog
{
    private readonly ConcurrentQueue<FinishedRecording> _recordings = new();

    public IReadOnlyList<FinishedRecording> All => [.. _recordings];

    public void Add(FinishedRecording recording) => _recordings.Enqueue(recording);
}
