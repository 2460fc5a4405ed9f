using System.Buffers.Binary;

namespace Softswitch.Ivr.Speech;

/// <summary>
/// Reads and writes mono 16-bit PCM WAV, the one format espeak-ng writes and the synthesizer's cache holds.
/// Chunks are walked (never a fixed 44-byte header); a header whose data size is wrong (a writer killed before it
/// fixed it up) is read up to the end of the file. Softswitch.Ivr cannot use the media library's reader.
/// </summary>
internal static class PcmWav
{
    /// <summary>The samples and rate of a mono 16-bit PCM WAV, or false with the reason.</summary>
    public static bool TryRead(ReadOnlySpan<byte> file, out short[] samples, out int sampleRate, out string? error)
    {
        samples = [];
        sampleRate = 0;
        if (file.Length < 12 || !file[..4].SequenceEqual("RIFF"u8) || !file[8..12].SequenceEqual("WAVE"u8))
        {
            error = "not a RIFF/WAVE file";
            return false;
        }

        bool haveFormat = false;
        int offset = 12;
        while (offset + 8 <= file.Length)
        {
            ReadOnlySpan<byte> id = file.Slice(offset, 4);
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(file.Slice(offset + 4, 4));
            int body = offset + 8;
            int available = file.Length - body;
            if (id.SequenceEqual("fmt "u8))
            {
                if (size < 16 || available < 16)
                {
                    error = "fmt chunk too short";
                    return false;
                }

                ushort encoding = BinaryPrimitives.ReadUInt16LittleEndian(file.Slice(body, 2));
                ushort channels = BinaryPrimitives.ReadUInt16LittleEndian(file.Slice(body + 2, 2));
                sampleRate = BinaryPrimitives.ReadInt32LittleEndian(file.Slice(body + 4, 4));
                ushort bits = BinaryPrimitives.ReadUInt16LittleEndian(file.Slice(body + 14, 2));
                if (encoding != 1 || channels != 1 || bits != 16 || sampleRate <= 0)
                {
                    error = $"not mono 16-bit PCM (format {encoding}, {channels} channels, {bits} bits, {sampleRate} Hz)";
                    return false;
                }

                haveFormat = true;
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (!haveFormat)
                {
                    error = "data before fmt";
                    return false;
                }

                int length = (int)Math.Min(size, (uint)available) & ~1;
                samples = new short[length / 2];
                for (int i = 0; i < samples.Length; i++)
                {
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(file.Slice(body + (2 * i), 2));
                }

                error = null;
                return true;
            }

            offset = body + (int)Math.Min(size + (size & 1), (uint)available);
        }

        error = "no data chunk";
        return false;
    }

    /// <summary>A complete mono 16-bit PCM WAV file: a 44-byte header, then the samples.</summary>
    public static byte[] Write(ReadOnlySpan<short> samples, int sampleRate)
    {
        const int HeaderSize = 44;
        byte[] file = new byte[HeaderSize + (samples.Length * 2)];
        Span<byte> span = file;
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], file.Length - 8);
        "WAVEfmt "u8.CopyTo(span[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(span[20..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(span[22..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], sampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[32..], 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[34..], 16);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], samples.Length * 2);
        for (int i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(span[(HeaderSize + (2 * i))..], samples[i]);
        }

        return file;
    }
}
