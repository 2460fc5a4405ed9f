namespace Softswitch.Ivr.Speech;

/// <summary>
/// Keeps the speech cache folder under a size: when a new file takes it over the budget, the files used least recently
/// (by their write time, which a cache hit refreshes) go until it is at three quarters of it. A <c>speak</c> text can
/// carry what a caller typed, so without a bound every caller entering new digits would leave a file behind for good.
/// </summary>
internal sealed class SpeechCacheBudget(string folder, long maxBytes)
{
    private readonly Lock _gate = new();
    private long _bytes = -1; // unknown until the folder is first measured

    /// <summary>A cached file was used again: it is the last to go.</summary>
    public static void Touch(string path)
    {
        try
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Read-only cache or the file just went: it is only an eviction hint.
        }
    }

    /// <summary>A file of <paramref name="length"/> bytes joined the cache; trims the folder when it is over budget.</summary>
    /// <returns>How many files were removed.</returns>
    public int Added(long length)
    {
        lock (_gate)
        {
            _bytes = _bytes < 0 ? Measure().Sum(f => f.Length) : _bytes + length;
            if (_bytes <= maxBytes) return 0;
            var removed = 0;
            var files = Measure().OrderBy(f => f.LastWriteTimeUtc).ToList();
            _bytes = files.Sum(f => f.Length);
            foreach (var file in files)
            {
                if (_bytes <= maxBytes * 3 / 4) break;
                try
                {
                    // A call playing it keeps reading: on Linux an open file outlives its name. (Length first: a
                    // deleted FileInfo no longer has one.)
                    var size = file.Length;
                    file.Delete();
                    _bytes -= size;
                    removed++;
                }
                catch (Exception error) when (error is IOException or UnauthorizedAccessException)
                {
                    // Another process holds it (Windows) or the folder is read-only: try the next.
                }
            }

            return removed;
        }
    }

    private IEnumerable<FileInfo> Measure()
    {
        var directory = new DirectoryInfo(folder);
        return directory.Exists ? directory.EnumerateFiles("*.wav") : [];
    }
}
