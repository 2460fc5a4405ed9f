using System.Buffers.Binary;

namespace Softswitch.Media.Audio;

/// <summary>
/// Walks the RIFF chunks of a WAV stream up to the start of the data chunk: never assumes a 44-byte header, skips
/// LIST, fact and unknown chunks (with their pad byte when the size is odd). Shared by the reader and the repairer.
/// </summary>
internal readonly record struct WavHeader(WavFormat Format, long DataOffset, uint DeclaredDataSize)
{
    private const ushort FormatPcm = 1;
    private const ushort FormatALaw = 6;
    private const ushort FormatMuLaw = 7;
    private const ushort FormatExtensible = 0xFFFE;

    // Bytes 2..15 of every KSDATAFORMAT_SUBTYPE_* GUID; bytes 0..1 carry the plain format tag.
    private static ReadOnlySpan<byte> SubformatGuidTail => [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    /// <summary>Reads from the stream's current position (the start of the file) to the first byte of data.</summary>
    public static WavReadStatus TryRead(Stream stream, out WavHeader header)
    {
        header = default;
        Span<byte> buffer = stackalloc byte[40];
        if (!ReadExactly(stream, buffer[..12]) || !buffer[..4].SequenceEqual("RIFF"u8) || !buffer[8..12].SequenceEqual("WAVE"u8))
        {
            return WavReadStatus.NotRiffWave;
        }

        long position = 12;
        WavFormat? format = null;
        while (true)
        {
            if (!ReadExactly(stream, buffer[..8]))
            {
                return format is null ? WavReadStatus.MissingFormat : WavReadStatus.MissingData;
            }

            position += 8;
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(buffer[4..8]);
            if (buffer[..4].SequenceEqual("data"u8))
            {
                if (format is null)
                {
                    return WavReadStatus.MissingFormat;
                }

                header = new WavHeader(format.Value, position, size);
                return WavReadStatus.Ok;
            }

            long toSkip = size + (size & 1);
            if (buffer[..4].SequenceEqual("fmt "u8))
            {
                if (size < 16)
                {
                    return WavReadStatus.Malformed;
                }

                int kept = (int)Math.Min(size, 40);
                if (!ReadExactly(stream, buffer[..kept]))
                {
                    return WavReadStatus.Malformed;
                }

                WavReadStatus status = TryParseFormat(buffer[..kept], out WavFormat parsed);
                if (status != WavReadStatus.Ok)
                {
                    return status;
                }

                format = parsed;
                toSkip -= kept;
            }

            if (!Skip(stream, toSkip))
            {
                return format is null ? WavReadStatus.MissingFormat : WavReadStatus.MissingData;
            }

            position += size + (size & 1);
        }
    }

    private static WavReadStatus TryParseFormat(ReadOnlySpan<byte> fmt, out WavFormat format)
    {
        format = default;
        ushort tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        uint sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
        int blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]);
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
        if (channels == 0 || sampleRate == 0 || sampleRate > 1_000_000)
        {
            return WavReadStatus.Malformed;
        }

        if (tag == FormatExtensible)
        {
            if (fmt.Length < 40 || !fmt[26..40].SequenceEqual(SubformatGuidTail))
            {
                return WavReadStatus.UnsupportedFormat;
            }

            tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt[24..]);
        }

        WavEncoding? encoding = (tag, bits) switch
        {
            (FormatPcm, 16) => WavEncoding.Pcm16,
            (FormatMuLaw, 8) => WavEncoding.MuLaw,
            (FormatALaw, 8) => WavEncoding.ALaw,
            _ => null,
        };
        if (encoding is null)
        {
            return WavReadStatus.UnsupportedFormat;
        }

        format = new WavFormat(encoding.Value, (int)sampleRate, channels);
        return blockAlign == format.BlockAlign ? WavReadStatus.Ok : WavReadStatus.Malformed;
    }

    private static bool ReadExactly(Stream stream, Span<byte> buffer) =>
        stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false) == buffer.Length;

    private static bool Skip(Stream stream, long count)
    {
        if (stream.CanSeek)
        {
            if (stream.Position + count > stream.Length)
            {
                return false;
            }

            stream.Seek(count, SeekOrigin.Current);
            return true;
        }

        Span<byte> scratch = stackalloc byte[256];
        while (count > 0)
        {
            int read = stream.Read(scratch[..(int)Math.Min(count, scratch.Length)]);
            if (read == 0)
            {
                return false;
            }

            count -= read;
        }

        return true;
    }
}
