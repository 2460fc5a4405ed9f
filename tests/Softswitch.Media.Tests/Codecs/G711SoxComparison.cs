using Softswitch.Media.Tests.Audio;

namespace Softswitch.Media.Tests.Codecs;

/// <summary>Runs sox's G.711 implementation over the same bytes or samples we feed our codec.</summary>
internal static class G711SoxComparison
{
    /// <summary>Decodes <paramref name="codes"/> with sox (<paramref name="soxType"/> is <c>ul</c> or <c>al</c>).</summary>
    public static async Task<short[]> SoxDecodeAsync(TempFolder folder, byte[] codes, string soxType)
    {
        string input = folder.File("codes." + soxType);
        await File.WriteAllBytesAsync(input, codes);
        string output = folder.File("decoded.s16");
        await Sox.RunAsync("-t", soxType, "-r", "8000", "-c", "1", input, "-t", "s16", "-L", output);
        return ToShorts(await File.ReadAllBytesAsync(output));
    }

    /// <summary>Encodes <paramref name="samples"/> with sox, dither off so sox's quantiser is the plain G.711 one.</summary>
    public static async Task<byte[]> SoxEncodeAsync(TempFolder folder, short[] samples, string soxType)
    {
        string input = folder.File("linear.s16");
        var bytes = new byte[samples.Length * 2];
        Buffer.BlockCopy(samples, 0, bytes, 0, bytes.Length);
        await File.WriteAllBytesAsync(input, bytes);
        string output = folder.File("encoded." + soxType);
        await Sox.RunAsync("-D", "-t", "s16", "-L", "-r", "8000", "-c", "1", input, "-t", soxType, output);
        return await File.ReadAllBytesAsync(output);
    }

    public static byte[] AllCodes() => Enumerable.Range(0, 256).Select(code => (byte)code).ToArray();

    public static short[] AllSamples() => Enumerable.Range(short.MinValue, 65536).Select(value => (short)value).ToArray();

    private static short[] ToShorts(byte[] bytes)
    {
        var samples = new short[bytes.Length / 2];
        Buffer.BlockCopy(bytes, 0, samples, 0, samples.Length * 2);
        return samples;
    }
}
