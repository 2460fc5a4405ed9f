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
/// <remarks>
/// Looking a file up costs a <c>stat</c> (a few per prompt: which language has it, is it still there, has it
/// changed), a syscall that showed in the profile of hundreds of IVR calls per second. With a recheck interval a
/// file found is taken as there and unchanged for that long, so a prompt replaced or deleted on disk is picked up by
/// calls starting that much later at most; a missing file is looked for again on every lookup.
/// </remarks>
public sealed class PromptCache
{
    /// <summary>How long the switch reuses what it learned about a prompt file before asking the disk again.</summary>
    public static readonly TimeSpan DefaultRecheckInterval = TimeSpan.FromSeconds(1);

    /// <summary>A bound on remembered paths (names come from configuration, but a bound costs nothing).</summary>
    private const int MaxRememberedFiles = 10_000;

    /// <summary>
    /// A bound on encodings held: the shipped prompts in three languages and four codecs are about a thousand, but every
    /// voicemail message played and every synthesized sentence is a file of its own, so the cache would otherwise grow
    /// for as long as the switch runs. Past the bound it starts over (calls playing keep what they have).
    /// </summary>
    internal const int MaxEntries = 4_096;

    private readonly ConcurrentDictionary<PromptCacheKey, PromptCacheEntry> _entries = new();
    private readonly ConcurrentDictionary<string, PromptFileCheck> _files = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly TimeSpan _recheckAfter;
    private long _encodeCount;

    /// <summary>A cache that asks the disk on every lookup (tests, tools).</summary>
    public PromptCache()
        : this(TimeProvider.System, TimeSpan.Zero)
    {
    }

    /// <summary>A cache that reuses a file's existence and stamp for <paramref name="recheckAfter"/> (zero: always ask the disk).</summary>
    public PromptCache(TimeProvider time, TimeSpan recheckAfter)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(recheckAfter, TimeSpan.Zero);
        _time = time;
        _recheckAfter = recheckAfter;
    }

    /// <summary>Prompts and tones held (one per source and codec).</summary>
    public int Count => _entries.Count;

    /// <summary>Encodings performed since construction (each one a cache miss).</summary>
    public long EncodeCount => Interlocked.Read(ref _encodeCount);

    /// <summary>
    /// The path of prompt <paramref name="name"/> (e.g. <c>goodbye</c> or <c>digits/5</c>) as
    /// <c>&lt;soundsRoot&gt;/&lt;language&gt;/&lt;name&gt;.wav</c>, falling back to <paramref name="defaultLanguage"/>.
    /// </summary>
    /// <returns>The first file that exists, or null when neither language has it (or the name tries to leave the folder).</returns>
    public static string? Resolve(string soundsRoot, string language, string name, string defaultLanguage = "en") =>
        Find(null, soundsRoot, language, name, defaultLanguage);

    /// <summary><see cref="Resolve"/> with this cache's remembered file checks.</summary>
    public string? Locate(string soundsRoot, string language, string name, string defaultLanguage = "en") =>
        Find(this, soundsRoot, language, name, defaultLanguage);

    /// <summary>Whether a file is at <paramref name="path"/>, as last checked within the recheck interval.</summary>
    public bool Exists(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Check(path).Exists;
    }

    private static string? Find(PromptCache? cache, string soundsRoot, string language, string name, string defaultLanguage)
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
            if (cache?.Exists(path) ?? File.Exists(path))
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
        PromptFileCheck file = Check(fullPath);
        if (!file.Exists)
        {
            throw new PromptLoadException(fullPath, "file not found");
        }

        PromptFileStamp stamp = file.Stamp;
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

    /// <summary>Forgets every entry and file check (calls still playing keep their instances).</summary>
    public void Clear()
    {
        _entries.Clear();
        _files.Clear();
    }

    /// <summary>The file's existence and stamp: remembered ones within the recheck interval, else a fresh stat.</summary>
    private PromptFileCheck Check(string path)
    {
        long now = _time.GetTimestamp();
        if (_recheckAfter > TimeSpan.Zero && _files.TryGetValue(path, out PromptFileCheck known)
            && _time.GetElapsedTime(known.CheckedAt, now) < _recheckAfter)
        {
            return known;
        }

        var file = new FileInfo(path);
        var fresh = file.Exists
            ? new PromptFileCheck(true, new PromptFileStamp(file.Length, file.LastWriteTimeUtc), now)
            : new PromptFileCheck(false, default, now);
        // Only files found are remembered: one that appears (a synthesized prompt, a new message) is seen at once.
        if (fresh.Exists && _recheckAfter > TimeSpan.Zero)
        {
            if (_files.Count >= MaxRememberedFiles) _files.Clear();
            _files[path] = fresh;
        }

        return fresh;
    }

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

            if (_entries.Count >= MaxEntries) _entries.Clear();
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
