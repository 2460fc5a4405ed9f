using System.Collections.Concurrent;

namespace Softswitch.Media.Rtp;

/// <summary>
/// Pinned receive buffers kept for the next call. Each RTP and RTCP receive loop holds its buffer for the whole call
/// with a receive pending on it, so the buffer lives on the pinned heap; allocating a fresh one per loop made the
/// pinned heap grow by four buffers a call until a full (gen2) collection, and those are the longest pauses.
/// </summary>
internal static class PinnedReceiveBuffers
{
    // Enough for the buffers of a few thousand concurrent loops to come back and be reused; beyond it the GC frees them.
    private const int MaxKeptPerSize = 4096;

    private static readonly ConcurrentDictionary<int, ConcurrentQueue<byte[]>> Kept = new();

    /// <summary>A pinned buffer of exactly <paramref name="size"/> bytes, reused when one came back.</summary>
    public static byte[] Rent(int size)
    {
        if (Kept.TryGetValue(size, out var queue) && queue.TryDequeue(out var buffer)) return buffer;
        return GC.AllocateUninitializedArray<byte>(size, pinned: true);
    }

    /// <summary>Gives a buffer back once no receive is pending on it any more.</summary>
    public static void Return(byte[] buffer)
    {
        var queue = Kept.GetOrAdd(buffer.Length, static _ => new ConcurrentQueue<byte[]>());
        if (queue.Count < MaxKeptPerSize) queue.Enqueue(buffer);
    }
}
