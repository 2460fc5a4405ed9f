using Microsoft.Diagnostics.Runtime;

namespace Softswitch.Benchmarks;

/// <summary>
/// Counts what a running process's managed heap keeps alive, by type (ClrMD attaches with ptrace, so run it as
/// root), because dotnet-gcdump is not served here. The load script calls it while calls are up: the per-type
/// totals divided by the number of calls say what each call keeps, and the committed total says what the GC holds.
/// </summary>
internal static class HeapCensus
{
    public static void Run(int processId, int top)
    {
        using var target = DataTarget.AttachToProcess(processId, suspend: true);
        // The DAC beside the target's libcoreclr fits it by construction; ClrMD cannot read the version from a live
        // process's module here (it expects 0.0), so the mismatch check is skipped and the symbol server is not needed.
        var clr = target.ClrVersions[0];
        var dac = Path.Combine(Path.GetDirectoryName(clr.ModuleInfo.FileName)!, "libmscordaccore.so");
        using var runtime = clr.CreateRuntime(dac, ignoreMismatch: true);
        var heap = runtime.Heap;

        // Walk from the roots rather than over the segments: the segments also hold garbage not yet collected,
        // and a walk over them stops at the first half-written allocation context.
        var byType = new Dictionary<string, (long Count, long Bytes)>();
        var strings = new Dictionary<string, (long Count, long Bytes)>();
        long liveObjects = 0, liveBytes = 0;
        foreach (var item in EnumerateLive(heap))
        {
            var size = (long)item.Size;
            var name = item.Type?.Name ?? "<unknown>";
            // Arrays by length too: a buffer per call shows as one length with a count near the number of calls.
            if (item.IsArray && size >= 256) name = $"{name} (length {item.AsArray().Length})";
            if (item.Type?.IsString == true)
            {
                // Strings by shape (digits masked): a per-call string shows as one shape with a count near the calls.
                var text = item.AsString(64) ?? "";
                var shape = new string(text.Select(c => char.IsAsciiDigit(c) ? '9' : c).ToArray());
                strings.TryGetValue(shape, out var same);
                strings[shape] = (same.Count + 1, same.Bytes + size);
            }

            byType.TryGetValue(name, out var sum);
            byType[name] = (sum.Count + 1, sum.Bytes + size);
            liveObjects++;
            liveBytes += size;
        }

        var committed = heap.Segments.Sum(s => (long)s.CommittedMemory.Length);
        Console.WriteLine($"live_objects={liveObjects} live_bytes={liveBytes} heap_committed_bytes={committed} segments={heap.Segments.Length}");
        Console.WriteLine("  live bytes   objects  type");
        foreach (var (name, (count, size)) in byType.OrderByDescending(p => p.Value.Bytes).Take(top))
        {
            Console.WriteLine($"{size,12} {count,9}  {name}");
        }

        Console.WriteLine("  live bytes   strings  shape (digits as 9)");
        foreach (var (shape, (count, size)) in strings.OrderByDescending(p => p.Value.Bytes).Take(top / 2))
        {
            Console.WriteLine($"{size,12} {count,9}  {shape.ReplaceLineEndings(" ")}");
        }
    }

    private static IEnumerable<ClrObject> EnumerateLive(ClrHeap heap)
    {
        var seen = new HashSet<ulong>();
        var pending = new Stack<ClrObject>();
        foreach (var root in heap.EnumerateRoots())
        {
            if (root.Object.IsValid && seen.Add(root.Object.Address)) pending.Push(root.Object);
        }

        while (pending.TryPop(out var item))
        {
            yield return item;
            foreach (var reference in item.EnumerateReferences(carefully: true, considerDependantHandles: true))
            {
                if (reference.IsValid && seen.Add(reference.Address)) pending.Push(reference);
            }
        }
    }
}
