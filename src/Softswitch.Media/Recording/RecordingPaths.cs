using System.Text;

namespace Softswitch.Media.Recording;

/// <summary>Where a call's recording goes: <c>root/yyyy/MM/dd/&lt;call id&gt;.wav</c>.</summary>
public static class RecordingPaths
{
    /// <summary>Long Call-IDs are cut so the name stays well under the 255-byte limit of common file systems.</summary>
    private const int MaxNameLength = 120;

    /// <summary>
    /// The path of the recording of <paramref name="callId"/> started at <paramref name="now"/> (the date folders use
    /// <paramref name="now"/>'s own offset: pass local or UTC time as the site prefers).
    /// </summary>
    public static string For(string root, string callId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        ArgumentException.ThrowIfNullOrEmpty(callId);
        return Path.Combine(
            root,
            now.Year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture),
            now.Month.ToString("D2", System.Globalization.CultureInfo.InvariantCulture),
            now.Day.ToString("D2", System.Globalization.CultureInfo.InvariantCulture),
            SafeFileName(callId) + ".wav");
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
