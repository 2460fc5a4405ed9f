using Softswitch.Media.Codecs;
using Softswitch.Media.Tests.Audio;

namespace Softswitch.Media.Tests.Codecs;

public class MuLawTests
{
    [TestCase((byte)0xFF, (short)0)]
    [TestCase((byte)0x7F, (short)0)]
    [TestCase((byte)0xFE, (short)8)]
    [TestCase((byte)0x7E, (short)-8)]
    [TestCase((byte)0xF0, (short)120)]
    [TestCase((byte)0xEF, (short)132)]
    [TestCase((byte)0x80, (short)32124)]
    [TestCase((byte)0x00, (short)-32124)]
    [Description("ITU-T G.711 Table 2a: decoder output values (14-bit values scaled by 4)")]
    public void Decodes_reference_values(byte code, short expected) =>
        Assert.That(MuLaw.Decode(code), Is.EqualTo(expected));

    [Test]
    [Description("ITU-T G.711 §2: 8 segments of 16 steps, step size doubles per segment")]
    public void Decode_table_is_symmetric_and_segment_steps_double()
    {
        for (int code = 0x80; code <= 0xFF; code++)
        {
            int inverted = ~code & 0x7F;
            int segment = inverted >> 4;
            int step = inverted & 0x0F;
            int expected = (((2 * step + 33) << segment) - 33) * 4;
            Assert.That(MuLaw.Decode((byte)code), Is.EqualTo(expected), $"code 0x{code:X2}");
            Assert.That(MuLaw.Decode((byte)(code & 0x7F)), Is.EqualTo(-expected), $"code 0x{code & 0x7F:X2}");
        }
    }

    [Test]
    public void Every_decoded_value_encodes_back_to_its_code()
    {
        for (int code = 0; code < 256; code++)
        {
            // 0x7F is "negative zero": it decodes to 0, which encodes as positive zero 0xFF.
            byte expected = code == 0x7F ? (byte)0xFF : (byte)code;
            Assert.That(MuLaw.Encode(MuLaw.Decode((byte)code)), Is.EqualTo(expected), $"code 0x{code:X2}");
        }
    }

    [TestCase((short)0, (byte)0xFF)]
    [TestCase((short)32767, (byte)0x80)]
    [TestCase((short)-32767, (byte)0x00)]
    [TestCase((short)-32768, (byte)0x00)]
    [TestCase((short)32124, (byte)0x80)]
    public void Encodes_edge_values(short sample, byte expected) =>
        Assert.That(MuLaw.Encode(sample), Is.EqualTo(expected));

    [Test]
    public async Task All_256_codes_decode_exactly_like_sox()
    {
        using var folder = new TempFolder();
        byte[] codes = G711SoxComparison.AllCodes();
        short[] sox = await G711SoxComparison.SoxDecodeAsync(folder, codes, "ul");

        var ours = new short[256];
        MuLaw.Decode(codes, ours);
        Assert.That(ours, Is.EqualTo(sox));
    }

    [Test]
    public async Task All_65536_samples_encode_exactly_like_sox()
    {
        using var folder = new TempFolder();
        short[] samples = G711SoxComparison.AllSamples();
        byte[] sox = await G711SoxComparison.SoxEncodeAsync(folder, samples, "ul");

        var ours = new byte[samples.Length];
        MuLaw.Encode(samples, ours);
        Assert.That(ours, Is.EqualTo(sox));
    }

    [Test]
    public async Task Sox_generated_tone_decodes_like_sox()
    {
        using var folder = new TempFolder();
        string tone = folder.File("tone.ul");
        await Sox.RunAsync("-n", "-r", "8000", "-c", "1", "-t", "ul", tone, "synth", "1", "sine", "1000");
        byte[] codes = await File.ReadAllBytesAsync(tone);
        short[] sox = await G711SoxComparison.SoxDecodeAsync(folder, codes, "ul");

        var ours = new short[codes.Length];
        int written = PcmuCodec.Instance.Decode(codes, ours);

        Assert.That(written, Is.EqualTo(8000));
        Assert.That(ours, Is.EqualTo(sox));
        Assert.That(SignalMeasure.ToneAmplitude(ours, 1000, 8000), Is.GreaterThan(20000));
    }
}
