using System.Collections.Concurrent;
using Softswitch.Calls.Records;

namespace Softswitch.Calls.Tests.Support;

/// <summary>The records the calls left when they ended, in order: what the host would store as rows of <c>calls</c>.</summary>
internal sealed class CollectedCallRecords : ICallRecordSink
{
    private readonly ConcurrentQueue<CallRecord> _records = new();

    public IReadOnlyList<CallRecord> All => [.. _records];

    public void Add(CallRecord record) => _records.Enqueue(record);
}
