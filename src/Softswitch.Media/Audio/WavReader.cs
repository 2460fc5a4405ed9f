using System.Buffers.Binary;
using Softswitch.Media.Codecs;

namespace Softswitch.Media.Audio;

/// <summary>
/// Streams the samples of a WAV file as interleaved 16-bit PCM, whatever the stored encoding (16-bit PCM, µ-law,
/// A-law). A data size of 0, 0xFFFFFFFF or larger than the file (a recorder killed mid-write) is taken as "up to the
/// end of the file". Allocates one small buffer when opened; <see cref="Read"/> does not allocate.
/// </summary>
public sealed class WavReader : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly byte[] _buffer = new byte[4096];
    private long _remainingBytes;

    private WavReader(Stream stream, bool leaveOpen, WavFormat format, long dataBytes)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        Format = format;
        _remainingBytes = dataBytes;
        FrameCount = dataBytes / format.BlockAlign;
    }

    /// <summary>The stored format.</summary>
    public WavFormat Format { get; }

    /// <summary>Frames (samples per channel) in the data chunk.</summary>
    public long FrameCount { get; }

    /// <summary>Duration of the audio.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds((double)FrameCount / Format.SampleRate);

    /// <summary>Parses the header of <paramref name="stream"/> (positioned at the start of the file).</summary>
    /// <returns><see cref="WavReadStatus.Ok"/> with a reader, or why the file is unusable (never throws on bad content).</returns>
    public static WavReadStatus TryOpen(Stream stream, out WavReader? reader, bool leaveOpen = false)
    {
        reader = null;
        WavReadStatus status = WavHeader.TryRead(stream, out WavHeader header);
        if (status != WavReadStatus.Ok)
        {
            return status;
        }

        long dataBytes = header.DeclaredDataSize;
        bool sizeUnknown = dataBytes is 0 or uint.MaxValue;
        if (stream.CanSeek)
        {
            long available = stream.Length - header.DataOffset;
            if (sizeUnknown || dataBytes > available)
            {
                dataBytes = available;
            }
        }
        else if (sizeUnknown)
        {
            dataBytes = long.MaxValue;
        }

        dataBytes -= dataBytes % header.Format.BlockAlign;
        reader = new WavReader(stream, leaveOpen, header.Format, dataBytes);
        return WavReadStatus.Ok;
    }

    /// <summary>Opens a file for streaming.</summary>
    /// <exception cref="InvalidDataException">The file is not a WAV file we can read.</exception>
    public static WavReader Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
        WavReadStatus status = TryOpen(stream, out WavReader? reader);
        if (status != WavReadStatus.Ok)
        {
            stream.Dispose();
            throw new InvalidDataException($"{path}: cannot read WAV ({status}).");
        }

        return reader!;
    }

    /// <summary>Reads a whole file into memory.</summary>
    /// <exception cref="InvalidDataException">The file is not a WAV file we can read.</exception>
    public static WavAudio ReadAll(string path)
    {
        using WavReader reader = Open(path);
        var samples = new List<short>((int)Math.Min(reader.FrameCount * reader.Format.Channels, 1 << 24));
        var chunk = new short[4096];
        int read;
        while ((read = reader.Read(chunk)) > 0)
        {
            samples.AddRange(chunk.AsSpan(0, read));
        }

        return new WavAudio(reader.Format, samples.ToArray());
    }

    /// <summary>Fills <paramref name="samples"/> with whole interleaved frames.</summary>
    /// <returns>Samples written (a multiple of the channel count); 0 at the end of the data.</returns>
    public int Read(Span<short> samples)
    {
        int bytesPerSample = Format.BitsPerSample / 8;
        int frames = samples.Length / Format.Channels;
        int written = 0;
        while (frames > 0 && _remainingBytes > 0)
        {
            long wanted = Math.Min((long)frames * Format.BlockAlign, _remainingBytes);
            int chunkFrames = (int)Math.Min(wanted, _buffer.Length - (_buffer.Length % Format.BlockAlign)) / Format.BlockAlign;
            if (chunkFrames == 0)
            {
                break;
            }

            int chunkBytes = chunkFrames * Format.BlockAlign;
            int read = _stream.ReadAtLeast(_buffer.AsSpan(0, chunkBytes), chunkBytes, throwOnEndOfStream: false);
            int wholeFrames = read / Format.BlockAlign;
            int count = wholeFrames * Format.Channels;
            Decode(_buffer.AsSpan(0, wholeFrames * Format.BlockAlign), samples.Slice(written, count), bytesPerSample);
            written += count;
            frames -= wholeFrames;
            _remainingBytes -= read;
            if (read < chunkBytes)
            {
                // The file is shorter than its header claims: stop cleanly.
                _remainingBytes = 0;
            }
        }

        return written;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private void Decode(ReadOnlySpan<byte> bytes, Span<short> samples, int bytesPerSample)
    {
        switch (Format.Encoding)
        {
            case WavEncoding.MuLaw:
                MuLaw.Decode(bytes, samples);
                break;
            case WavEncoding.ALaw:
                ALaw.Decode(bytes, samples);
                break;
            default:
                for (int i = 0; i < samples.Length; i++)
                {
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes[(i * bytesPerSample)..]);
                }

                break;
        }
    }
}
