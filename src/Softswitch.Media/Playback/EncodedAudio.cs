namespace Softswitch.Media.Playback;

/// <summary>
/// A prompt or tone already encoded in one codec as consecutive 20 ms frames. Immutable, so one instance is shared
/// read-only by every call that plays it; reading a frame is a span slice and never allocates.
/// </summary>
public sealed class EncodedAudio
{
    /// <summary>One RTP frame of audio.</summary>
    public static readonly TimeSpan FrameDuration = TimeSpan.FromMilliseconds(20);

    private readonly byte[] _payloads;
    private readonly int[] _offsets;

    /// <summary>Builds encoded audio from separate frame payloads (copied).</summary>
    /// <param name="encodingName">SDP encoding name, e.g. <c>PCMU</c> or <c>opus</c>.</param>
    /// <param name="clockRate">RTP clock rate of the codec.</param>
    /// <param name="frames">Payloads of consecutive 20 ms frames.</param>
    /// <param name="source">What the audio came from (a file path or a tone description), for logs.</param>
    public EncodedAudio(string encodingName, int clockRate, IReadOnlyList<byte[]> frames, string source)
        : this(encodingName, clockRate, Concatenate(frames, out int[] offsets), offsets, source)
    {
    }

    /// <summary>Takes ownership of <paramref name="payloads"/> and <paramref name="offsets"/> (FrameCount + 1 ascending offsets).</summary>
    internal EncodedAudio(string encodingName, int clockRate, byte[] payloads, int[] offsets, string source)
    {
        ArgumentException.ThrowIfNullOrEmpty(encodingName);
        ArgumentOutOfRangeException.ThrowIfLessThan(clockRate, 1000);
        if (offsets.Length == 0 || offsets[0] != 0 || offsets[^1] != payloads.Length)
        {
            throw new ArgumentException("Frame offsets must start at 0 and end at the payload length.", nameof(offsets));
        }

        EncodingName = encodingName;
        ClockRate = clockRate;
        Source = source;
        _payloads = payloads;
        _offsets = offsets;
    }

    /// <summary>SDP encoding name of the payloads, e.g. <c>PCMU</c>.</summary>
    public string EncodingName { get; }

    /// <summary>RTP clock rate of the payloads.</summary>
    public int ClockRate { get; }

    /// <summary>Codec key such as <c>PCMU/8000</c> (upper-case name), for logs and cache keys.</summary>
    public string CodecKey => $"{EncodingName.ToUpperInvariant()}/{ClockRate}";

    /// <summary>File path or tone description the audio was made from.</summary>
    public string Source { get; }

    /// <summary>Number of 20 ms frames.</summary>
    public int FrameCount => _offsets.Length - 1;

    /// <summary>RTP timestamp units per frame (160 for G.711, 960 for Opus).</summary>
    public int SamplesPerFrame => ClockRate / 50;

    /// <summary>Playing time of all frames.</summary>
    public TimeSpan Duration => FrameDuration * FrameCount;

    /// <summary>Total encoded bytes (what this instance holds in memory).</summary>
    public int PayloadBytes => _payloads.Length;

    /// <summary>The payload of frame <paramref name="index"/> (0-based).</summary>
    public ReadOnlySpan<byte> GetFrame(int index)
    {
        int start = _offsets[index];
        return _payloads.AsSpan(start, _offsets[index + 1] - start);
    }

    /// <summary>True when this audio can go to a stream negotiated as <paramref name="encodingName"/>/<paramref name="clockRate"/>.</summary>
    public bool IsEncodedAs(string encodingName, int clockRate) =>
        ClockRate == clockRate && string.Equals(EncodingName, encodingName, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override string ToString() => $"{Source} ({CodecKey}, {FrameCount} frames)";

    private static byte[] Concatenate(IReadOnlyList<byte[]> frames, out int[] offsets)
    {
        offsets = new int[frames.Count + 1];
        int total = 0;
        for (int i = 0; i < frames.Count; i++)
        {
            total += frames[i].Length;
            offsets[i + 1] = total;
        }

        var payloads = new byte[total];
        for (int i = 0; i < frames.Count; i++)
        {
            frames[i].CopyTo(payloads, offsets[i]);
        }

        return payloads;
    }
}
