using System.Globalization;
using System.Text;

namespace Softswitch.Media.Recording;

/// <summary>
/// Where a call's recording goes: <c>root/yyyy/MM/dd/yyyyMMdd-HHmmss-&lt;call uuid&gt;.wav</c>, named by the id the
/// switch drew for the call and its start time, never by the SIP Call-ID (which the caller chooses and may reuse).
/// </summary>
public static class RecordingPaths
{
    /// <summary>Folders of recordings: the owner writes, its group (backup, the admin's tools) reads, nobody else.</summary>
    public const UnixFileMode FolderPermissions = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute;

    /// <summary>Recording files: 0640, calls are private.</summary>
    public const UnixFileMode FilePermissions = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;

    /// <summary>Long ids are cut so the name stays well under the 255-byte limit of common file systems.</summary>
    private const int MaxNameLength = 120;

    /// <summary>
    /// The path of the recording of the call <paramref name="callUuid"/> started at <paramref name="startedAt"/> (the date
    /// folders and the time in the name use <paramref name="startedAt"/>'s own offset: pass local or UTC time as the site prefers).
    /// </summary>
    public static string For(string root, string callUuid, DateTimeOffset startedAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        ArgumentException.ThrowIfNullOrEmpty(callUuid);
        return Path.Combine(
            root,
            startedAt.Year.ToString("D4", CultureInfo.InvariantCulture),
            startedAt.Month.ToString("D2", CultureInfo.InvariantCulture),
            startedAt.Day.ToString("D2", CultureInfo.InvariantCulture),
            startedAt.ToString("yyyyMMdd'-'HHmmss'-'", CultureInfo.InvariantCulture) + SafeFileName(callUuid) + ".wav");
    }

    /// <summary>A fresh call id: time-ordered (UUID version 7, so names sort by start) and random, 32 hex digits.</summary>
    public static string NewCallUuid(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return Guid.CreateVersion7(time.GetUtcNow()).ToString("N");
    }

    /// <summary>Creates <paramref name="folder"/> and any missing parent as <see cref="FolderPermissions"/> (on Unix).</summary>
    public static void CreateFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        // Directory.CreateDirectory(path, mode) gives the mode to the last folder only: create each missing level.
        var full = Path.GetFullPath(folder);
        var missing = new Stack<string>();
        for (var level = full; !string.IsNullOrEmpty(level) && !Directory.Exists(level); level = Path.GetDirectoryName(level))
        {
            missing.Push(level);
        }

        while (missing.TryPop(out var level))
        {
            Directory.CreateDirectory(level, FolderPermissions);
        }
    }

    /// <summary>
    /// Keeps ASCII letters, digits and <c>@ . - _</c>; anything else (<c>/</c>, <c>:</c>, spaces, non-ASCII) becomes
    /// <c>_</c>. When something was replaced or cut, a hash of the original is appended, so two Call-IDs that differ
    /// only in such characters never overwrite each other's recording.
    /// </summary>
    public static string SafeFileName(string callId)
    {
        ArgumentException.ThrowIfNullOrEmpty(callId);
        var name = new StringBuilder(Math.Min(callId.Length, MaxNameLength) + 9);
        bool changed = callId.Length > MaxNameLength;
        foreach (char c in callId.AsSpan(0, Math.Min(callId.Length, MaxNameLength)))
        {
            bool keep = char.IsAsciiLetterOrDigit(c) || c is '@' or '.' or '-' or '_';
            // A leading dot would make a hidden file.
            if (name.Length == 0 && c == '.')
            {
                keep = false;
            }

            name.Append(keep ? c : '_');
            changed |= !keep;
        }

        if (changed)
        {
            name.Append('-').Append(Fnv1a(callId).ToString("x8", System.Globalization.CultureInfo.InvariantCulture));
        }

        return name.ToString();
    }

    private static uint Fnv1a(string text)
    {
        // Stable across runs and machines (string.GetHashCode is randomised per process).
        uint hash = 2166136261;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 16777619;
        }

        return hash;
    }
}
