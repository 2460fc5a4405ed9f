using System.Numerics;

namespace Softswitch.Media.Codecs;

/// <summary>
/// ITU-T G.711 A-law companding on 16-bit PCM. Decoding is a 256-entry table; encoding is bit math equivalent to
/// the classic reference implementation on 13-bit input (even bits inverted with 0x55 on the wire).
/// </summary>
public static class ALaw
{
    private static readonly short[] DecodeTable = BuildDecodeTable();

    /// <summary>Encodes one linear sample to an A-law code.</summary>
    public static byte Encode(short sample)
    {
        int value = Math.Min((sample + 4) >> 3, 4095);
        int mask;
        if (value >= 0)
        {
            mask = 0xD5;
        }
        else
        {
            // One's complement keeps the negative range symmetric (-4096 maps like +4095).
            mask = 0x55;
            value = -value - 1;
        }

        int code;
        if (value < 32)
        {
            code = value >> 1;
        }
        else
        {
            int segment = BitOperations.Log2((uint)value) - 4;
            code = (segment << 4) | ((value >> segment) & 0x0F);
        }

        return (byte)(code ^ mask);
    }

    /// <summary>Decodes one A-law code to a linear sample.</summary>
    public static short Decode(byte code) => DecodeTable[code];

    /// <summary>Encodes <paramref name="pcm"/> into the same number of bytes.</summary>
    /// <returns>Bytes written (= <paramref name="pcm"/>.Length).</returns>
    public static int Encode(ReadOnlySpan<short> pcm, Span<byte> codes)
    {
        codes = codes[..pcm.Length];
        for (int i = 0; i < pcm.Length; i++)
        {
            codes[i] = Encode(pcm[i]);
        }

        return pcm.Length;
    }

    /// <summary>Decodes <paramref name="codes"/> into the same number of samples.</summary>
    /// <returns>Samples written (= <paramref name="codes"/>.Length).</returns>
    public static int Decode(ReadOnlySpan<byte> codes, Span<short> pcm)
    {
        ReadOnlySpan<short> table = DecodeTable;
        pcm = pcm[..codes.Length];
        for (int i = 0; i < codes.Length; i++)
        {
            pcm[i] = table[codes[i]];
        }

        return codes.Length;
    }

    private static short[] BuildDecodeTable()
    {
        var table = new short[256];
        for (int code = 0; code < 256; code++)
        {
            int value = code ^ 0x55;
            int segment = (value >> 4) & 0x07;
            int magnitude = (value & 0x0F) << 4;
            magnitude = segment switch
            {
                0 => magnitude + 8,
                1 => magnitude + 0x108,
                _ => (magnitude + 0x108) << (segment - 1),
            };
            table[code] = (short)((value & 0x80) != 0 ? magnitude : -magnitude);
        }

        return table;
    }
}
