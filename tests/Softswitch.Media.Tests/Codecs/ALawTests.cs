using Softswitch.Media.Codecs;
using Softswitch.Media.Tests.Audio;

namespace Softswitch.Media.Tests.Codecs;

public class ALawTests
{
    [TestCase((byte)0xD5, (short)8)]
    [TestCase((byte)0x55, (short)-8)]
    [TestCase((byte)0xD4, (short)24)]
    [TestCase((byte)0xD7, (short)40)]
    [TestCase((byte)0xC5, (short)264)]
    [TestCase((byte)0xAA, (short)32256)]
    [TestCase((byte)0x2A, (short)-32256)]
    [Description("ITU-T G.711 Table 1a: decoder output values (13-bit values scaled by 8), even bits inverted")]
    public void Decodes_reference_values(byte code, short expected) =>
        Assert.That(ALaw.Decode(code), Is.EqualTo(expected));

    [Test]
    [Description("ITU-T G.711 §2: segments 0 and 1 share one step size, then the step doubles")]
    public void Decode_table_is_symmetric_and_segment_steps_double()
    {
        for (int value = 0; value < 128; value++)
        {
            int segment = value >> 4;
            int step = value & 0x0F;
            int expected = (segment == 0 ? 2 * step + 1 : (2 * step + 33) << (segment - 1)) * 8;
            Assert.That(ALaw.Decode((byte)((0x80 | value) ^ 0x55)), Is.EqualTo(expected), $"value {value}");
            Assert.That(ALaw.Decode((byte)(value ^ 0x55)), Is.EqualTo(-expected), $"value {value}");
        }
    }

    [Test]
    public void Every_decoded_value_encodes_back_to_its_code()
    {
        for (int code = 0; code < 256; code++)
        {
            Assert.That(ALaw.Encode(ALaw.Decode((byte)code)), Is.EqualTo((byte)code), $"code 0x{code:X2}");
        }
    }

    [TestCase((short)0, (byte)0xD5)]
    [TestCase((short)-1, (byte)0xD5)]
    [TestCase((short)-5, (byte)0x55)]
    [TestCase((short)32767, (byte)0xAA)]
    [TestCase((short)-32767, (byte)0x2A)]
    [TestCase((short)-32768, (byte)0x2A)]
    public void Encodes_edge_values(short sample, byte expected) =>
        Assert.That(ALaw.Encode(sample), Is.EqualTo(expected));

    [Test]
    public async Task All_256_codes_decode_exactly_like_sox()
    {
        using var folder = new TempFolder();
        byte[] codes = G711SoxComparison.AllCodes();
        short[] sox = await G711SoxComparison.SoxDecodeAsync(folder, codes, "al");

        var ours = new short[256];
        ALaw.Decode(codes, ours);
        Assert.That(ours, Is.EqualTo(sox));
    }

    [Test]
    public async Task All_65536_samples_encode_exactly_like_sox()
    {
        using var folder = new TempFolder();
        short[] samples = G711SoxComparison.AllSamples();
        byte[] sox = await G711SoxComparison.SoxEncodeAsync(folder, samples, "al");

        var ours = new byte[samples.Length];
        ALaw.Encode(samples, ours);
        Assert.That(ours, Is.EqualTo(sox));
    }

    [Test]
    public async Task Sox_generated_tone_decodes_like_sox()
    {
        using var folder = new TempFolder();
        string tone = folder.File("tone.al");
        await Sox.RunAsync("-n", "-r", "8000", "-c", "1", "-t", "al", tone, "synth", "1", "sine", "1000");
        byte[] codes = await File.ReadAllBytesAsync(tone);
        short[] sox = await G711SoxComparison.SoxDecodeAsync(folder, codes, "al");

        var ours = new short[codes.Length];
        int written = PcmaCodec.Instance.Decode(codes, ours);

        Assert.That(written, Is.EqualTo(8000));
        Assert.That(ours, Is.EqualTo(sox));
        Assert.That(SignalMeasure.ToneAmplitude(ours, 1000, 8000), Is.GreaterThan(20000));
    }
}
