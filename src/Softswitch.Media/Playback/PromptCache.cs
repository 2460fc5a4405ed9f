using System.Collections.Concurrent;
using System.Globalization;
using Softswitch.Media.Audio;
using Softswitch.Media.Sdp;

namespace Softswitch.Media.Playback;

/// <summary>
/// Prompts are decoded and encoded once per codec and shared by all calls. Entries are keyed by full path, encoding
/// name and clock rate, and stamped with the file's length and last write time, so a file replaced on disk is encoded
/// again on its next use. Concurrent first requests for the same prompt wait for one encoding. Thread-safe.
/// </summary>
public sealed class PromptCache
{
    private readonly ConcurrentDictionary<PromptCacheKey, PromptCacheEntry> _entries = new();
    private long _encodeCount;

    /// <summary>Prompts and tones held (one per source and codec).</summary>
    public int Count => _entries.Count;

    /// <summary>Encodings performed since construction (each one a cache miss).</summary>
    public long EncodeCount => Interlocked.Read(ref _encodeCount);

    /// <summary>
    /// The path of prompt <paramref name="name"/> (e.g. <c>goodbye</c> or <c>digits/5</c>) as
    /// <c>&lt;soundsRoot&gt;/&lt;language&gt;/&lt;name&gt;.wav</c>, falling back to <paramref name="defaultLanguage"/>.
    /// </summary>
    /// <returns>The first file that exists, or null when neither language has it (or the name tries to leave the folder).</returns>
    public static string? Resolve(string soundsRoot, string language, string name, string defaultLanguage = "en")
    {
        if (!IsSafeName(name))
        {
            return null;
        }

        foreach (string candidate in (string[])[language, defaultLanguage])
        {
            if (string.IsNullOrEmpty(candidate) || candidate.Contains('/') || candidate.Contains('\\') || candidate.Contains(".."))
            {
                continue;
            }

            string path = Path.Combine(soundsRoot, candidate, name + ".wav");
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }

    /// <summary>The WAV file at <paramref name="path"/> encoded for <paramref name="codec"/>, encoding it on first use.</summary>
    /// <exception cref="PromptLoadException">The file is missing or unreadable, or there is no codec for the format.</exception>
    public EncodedAudio Get(string path, MediaFormat codec)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(codec);
        string fullPath = Path.GetFullPath(path);
        var file = new FileInfo(fullPath);
        if (!file.Exists)
        {
            throw new PromptLoadException(fullPath, "file not found");
        }

        var stamp = new PromptFileStamp(file.Length, file.LastWriteTimeUtc);
        return GetOrEncode(new PromptCacheKey(fullPath, codec.EncodingName.ToUpperInvariant(), codec.ClockRate), stamp, () =>
        {
            short[] mono = PromptEncoder.ReadMono(fullPath, out int sampleRate);
            return PromptEncoder.Encode(mono, sampleRate, codec, fullPath);
        });
    }

    /// <summary>
    /// One cadence cycle of <paramref name="tone"/> (one second when it is continuous) encoded for <paramref name="codec"/>;
    /// loop it with <see cref="PromptPlayer.PlayLoop"/> for ringback or busy tone.
    /// </summary>
    /// <exception cref="PromptLoadException">There is no codec for the format.</exception>
    public EncodedAudio GetTone(TonePattern tone, MediaFormat codec)
    {
        ArgumentNullException.ThrowIfNull(tone);
        ArgumentNullException.ThrowIfNull(codec);
        string description = Describe(tone);
        return GetOrEncode(new PromptCacheKey(description, codec.EncodingName.ToUpperInvariant(), codec.ClockRate), default, () =>
        {
            int sampleRate = codec.ClockRate;
            short[] pcm = PromptEncoder.RenderTone(tone, sampleRate);
            return PromptEncoder.Encode(pcm, sampleRate, codec, description);
        });
    }

    /// <summary>Forgets every entry (calls still playing keep their instances).</summary>
    public void Clear() => _entries.Clear();

    private EncodedAudio GetOrEncode(PromptCacheKey key, PromptFileStamp stamp, Func<EncodedAudio> encode)
    {
        if (!_entries.TryGetValue(key, out PromptCacheEntry? entry) || entry.Stamp != stamp)
        {
            var fresh = new PromptCacheEntry(stamp, new Lazy<EncodedAudio>(() =>
            {
                Interlocked.Increment(ref _encodeCount);
                try
                {
                    return encode();
                }
                catch (Exception error) when (error is not PromptLoadException)
                {
                    // A WAV with a format the resampler or codec cannot take (e.g. a 500 Hz rate): one exception type for callers.
                    throw new PromptLoadException(key.Source, error.Message, error);
                }
            }, LazyThreadSafetyMode.ExecutionAndPublication));

            // Whoever stores first wins; the others share its Lazy, so one encoding serves all concurrent callers.
            entry = _entries.AddOrUpdate(key, fresh, (_, existing) => existing.Stamp == stamp ? existing : fresh);
        }

        try
        {
            return entry.Audio.Value;
        }
        catch (PromptLoadException)
        {
            // Do not cache the failure: the next request (after the file is fixed) tries again.
            _entries.TryRemove(KeyValuePair.Create(key, entry));
            throw;
        }
    }

    private static bool IsSafeName(string name) =>
        !string.IsNullOrEmpty(name)
        && !Path.IsPathRooted(name)
        && !name.Split('/', '\\').Any(segment => segment is "" or "." or "..");

    private static string Describe(TonePattern tone) => string.Create(
        CultureInfo.InvariantCulture,
        $"tone {tone.Frequency1}+{tone.Frequency2} Hz {tone.LevelDbm0} dBm0 [{string.Join(',', tone.CadenceMilliseconds)}]");
}
