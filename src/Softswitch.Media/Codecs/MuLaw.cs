using System.Numerics;

namespace Softswitch.Media.Codecs;

/// <summary>
/// ITU-T G.711 µ-law companding on 16-bit PCM. Decoding is a 256-entry table; encoding is branch-light bit math
/// on the 14-bit uniform code of G.711; 16-bit input is rounded to the nearest 14-bit value first, exactly as sox
/// does, so our output is byte-identical to sox's for every input.
/// </summary>
public static class MuLaw
{
    // G.711 µ-law adds a bias of 33 in the 14-bit domain so every segment starts on a power of two.
    private const int Bias = 33;
    // 8158 + 33 = 8191 is the top of segment 7; anything louder saturates to the last code.
    private const int Clip = 8158;

    private static readonly short[] DecodeTable = BuildDecodeTable();

    /// <summary>Encodes one linear sample to a µ-law code.</summary>
    public static byte Encode(short sample)
    {
        int value = Math.Min((sample + 2) >> 2, 8191);
        int sign = 0;
        if (value < 0)
        {
            value = -value;
            sign = 0x80;
        }

        if (value > Clip)
        {
            value = Clip;
        }

        value += Bias;
        int exponent = BitOperations.Log2((uint)value) - 5;
        int mantissa = (value >> (exponent + 1)) & 0x0F;
        return (byte)~(sign | (exponent << 4) | mantissa);
    }

    /// <summary>Decodes one µ-law code to a linear sample.</summary>
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
            int inverted = ~code & 0xFF;
            int exponent = (inverted >> 4) & 0x07;
            int mantissa = inverted & 0x0F;
            // Segment midpoint in the 16-bit domain: ((2m + 33) << e) - 33, scaled by 4.
            int magnitude = (((mantissa << 3) + (Bias << 2)) << exponent) - (Bias << 2);
            table[code] = (short)((inverted & 0x80) != 0 ? -magnitude : magnitude);
        }

        return table;
    }
}
