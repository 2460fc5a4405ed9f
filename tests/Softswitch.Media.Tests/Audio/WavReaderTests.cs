using System.Buffers.Binary;
using Softswitch.Media.Audio;

namespace Softswitch.Media.Tests.Audio;

public class WavReaderTests
{
    private TempFolder _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = new TempFolder();

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    [TestCase("pcm8k.wav", new[] { "-r", "8000", "-c", "1", "-b", "16" }, WavEncoding.Pcm16, 8000, 1)]
    [TestCase("pcm16k.wav", new[] { "-r", "16000", "-c", "1", "-b", "16" }, WavEncoding.Pcm16, 16000, 1)]
    [TestCase("pcm48k.wav", new[] { "-r", "48000", "-c", "1", "-b", "16" }, WavEncoding.Pcm16, 48000, 1)]
    [TestCase("stereo.wav", new[] { "-r", "8000", "-c", "2", "-b", "16" }, WavEncoding.Pcm16, 8000, 2)]
    [TestCase("ulaw.wav", new[] { "-r", "8000", "-c", "1", "-e", "u-law" }, WavEncoding.MuLaw, 8000, 1)]
    [TestCase("alaw.wav", new[] { "-r", "8000", "-c", "1", "-e", "a-law" }, WavEncoding.ALaw, 8000, 1)]
    [TestCase("quad.wav", new[] { "-r", "8000", "-c", "4", "-b", "16" }, WavEncoding.Pcm16, 8000, 4)]
    public async Task Files_written_by_sox_read_back_exactly(string name, string[] formatOptions, WavEncoding encoding, int rate, int channels)
    {
        string path = _folder.File(name);
        await Sox.RunAsync(["-n", .. formatOptions, path, "synth", "1", "sine", "1000", "sine", "1500"]);

        WavAudio audio = WavReader.ReadAll(path);

        Assert.That(audio.Format, Is.EqualTo(new WavFormat(encoding, rate, channels)));
        Assert.That(audio.Samples, Has.Length.EqualTo(rate * channels));
        Assert.That(audio.Samples, Is.EqualTo(await Sox.ReadAsRawS16Async(path, _folder.Path)));
    }

    [Test]
    [Description("sox writes G.711 WAV with an 18-byte fmt chunk and a fact chunk; 4 channels use WAVE_FORMAT_EXTENSIBLE")]
    public async Task Sox_fixtures_really_exercise_fmt18_fact_and_extensible()
    {
        string ulaw = _folder.File("u.wav");
        string quad = _folder.File("q.wav");
        await Sox.RunAsync("-n", "-r", "8000", "-c", "1", "-e", "u-law", ulaw, "synth", "0.1", "sine", "1000");
        await Sox.RunAsync("-n", "-r", "8000", "-c", "4", "-b", "16", quad, "synth", "0.1", "sine", "1000");

        byte[] ulawBytes = await File.ReadAllBytesAsync(ulaw);
        byte[] quadBytes = await File.ReadAllBytesAsync(quad);
        Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(ulawBytes.AsSpan(16)), Is.EqualTo(18));
        Assert.That(ulawBytes.AsSpan(38, 4).SequenceEqual("fact"u8), Is.True);
        Assert.That(BinaryPrimitives.ReadUInt16LittleEndian(quadBytes.AsSpan(20)), Is.EqualTo(0xFFFE));
    }

    [Test]
    public async Task Odd_sized_list_chunk_before_data_is_skipped_with_its_pad_byte()
    {
        string plain = _folder.File("plain.wav");
        await Sox.RunAsync("-n", "-r", "8000", "-c", "1", "-b", "16", plain, "synth", "0.5", "sine", "440");
        string withList = _folder.File("list.wav");
        await File.WriteAllBytesAsync(withList, InsertChunkBeforeData(await File.ReadAllBytesAsync(plain), "LIST", "INFOICMT\u0003\0\0\0hi\0"u8.ToArray()));

        WavAudio audio = WavReader.ReadAll(withList);

        // sox agrees the patched file is valid and holds the same samples.
        Assert.That(audio.Samples, Is.EqualTo(await Sox.ReadAsRawS16Async(withList, _folder.Path)));
        Assert.That(audio.Samples, Is.EqualTo(WavReader.ReadAll(plain).Samples));
        Assert.That(audio.Samples, Has.Length.EqualTo(4000));
    }

    [Test]
    public void Extensible_mono_pcm_is_read()
    {
        byte[] file = BuildWav(formatTag: 0xFFFE, channels: 1, rate: 16000, bits: 16, data: [0x01, 0x00, 0xFF, 0x7F, 0x00, 0x80], extensibleSubformat: 1);

        Assert.That(WavReader.TryOpen(new MemoryStream(file), out WavReader? reader), Is.EqualTo(WavReadStatus.Ok));
        var samples = new short[8];
        Assert.That(reader!.Read(samples), Is.EqualTo(3));
        Assert.That(samples[..3], Is.EqualTo(new short[] { 1, short.MaxValue, short.MinValue }));
        Assert.That(reader.Format, Is.EqualTo(new WavFormat(WavEncoding.Pcm16, 16000, 1)));
    }

    [Test]
    public void Data_size_zero_after_a_kill_means_read_to_the_end()
    {
        byte[] file = BuildWav(formatTag: 1, channels: 1, rate: 8000, bits: 16, data: [1, 0, 2, 0, 3, 0, 4], declaredDataSize: 0);

        WavReader.TryOpen(new MemoryStream(file), out WavReader? reader);

        Assert.That(reader!.FrameCount, Is.EqualTo(3), "the trailing half sample is dropped");
        var samples = new short[10];
        Assert.That(reader.Read(samples), Is.EqualTo(3));
        Assert.That(reader.Read(samples), Is.EqualTo(0));
    }

    [Test]
    public void Stereo_reads_return_whole_frames_only()
    {
        byte[] file = BuildWav(formatTag: 1, channels: 2, rate: 8000, bits: 16, data: new byte[40]);
        WavReader.TryOpen(new MemoryStream(file), out WavReader? reader);

        Assert.That(reader!.Read(new short[5]), Is.EqualTo(4));
        Assert.That(reader.Read(new short[100]), Is.EqualTo(16), "40 bytes are 10 stereo frames");
    }

    [TestCase(new byte[] { 0x52, 0x49, 0x46, 0x46 }, WavReadStatus.NotRiffWave)]
    [TestCase(new byte[0], WavReadStatus.NotRiffWave)]
    public void Garbage_is_reported_not_thrown(byte[] bytes, WavReadStatus expected) =>
        Assert.That(WavReader.TryOpen(new MemoryStream(bytes), out _), Is.EqualTo(expected));

    [Test]
    public void Unsupported_and_broken_formats_are_reported()
    {
        byte[] float32 = BuildWav(formatTag: 3, channels: 1, rate: 8000, bits: 32, data: new byte[8]);
        byte[] badAlign = BuildWav(formatTag: 1, channels: 1, rate: 8000, bits: 16, data: new byte[8], blockAlign: 3);
        byte[] noData = BuildWav(formatTag: 1, channels: 1, rate: 8000, bits: 16, data: [])[..36];

        Assert.That(WavReader.TryOpen(new MemoryStream(float32), out _), Is.EqualTo(WavReadStatus.UnsupportedFormat));
        Assert.That(WavReader.TryOpen(new MemoryStream(badAlign), out _), Is.EqualTo(WavReadStatus.Malformed));
        Assert.That(WavReader.TryOpen(new MemoryStream(noData), out _), Is.EqualTo(WavReadStatus.MissingData));
    }

    [Test]
    public void Open_names_the_file_when_it_is_not_wav()
    {
        string path = _folder.File("text.wav");
        File.WriteAllText(path, "hello");
        Assert.That(() => WavReader.Open(path), Throws.TypeOf<InvalidDataException>().With.Message.Contains("text.wav"));
    }

    internal static byte[] InsertChunkBeforeData(byte[] wav, string id, byte[] body)
    {
        int dataOffset = wav.AsSpan().IndexOf("data"u8);
        var chunk = new byte[8 + body.Length + (body.Length & 1)];
        System.Text.Encoding.ASCII.GetBytes(id).CopyTo(chunk, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(4), (uint)body.Length);
        body.CopyTo(chunk, 8);
        byte[] result = [.. wav[..dataOffset], .. chunk, .. wav[dataOffset..]];
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(4), (uint)(result.Length - 8));
        return result;
    }

    private static byte[] BuildWav(ushort formatTag, int channels, int rate, int bits, byte[] data,
        uint? declaredDataSize = null, int? blockAlign = null, ushort extensibleSubformat = 0)
    {
        bool extensible = formatTag == 0xFFFE;
        var fmt = new byte[extensible ? 40 : 16];
        int align = blockAlign ?? channels * bits / 8;
        BinaryPrimitives.WriteUInt16LittleEndian(fmt, formatTag);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(2), (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(4), (uint)rate);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(8), (uint)(rate * align));
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(12), (ushort)align);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(14), (ushort)bits);
        if (extensible)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(16), 22);
            BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(18), (ushort)bits);
            BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(20), 4);
            BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(24), extensibleSubformat);
            byte[] tail = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];
            tail.CopyTo(fmt, 26);
        }

        var stream = new MemoryStream();
        var writer = new BinaryWriter(stream);
        writer.Write("RIFF"u8);
        writer.Write(0u);
        writer.Write("WAVE"u8);
        writer.Write("fmt "u8);
        writer.Write((uint)fmt.Length);
        writer.Write(fmt);
        writer.Write("data"u8);
        writer.Write(declaredDataSize ?? (uint)data.Length);
        writer.Write(data);
        writer.Flush();
        byte[] bytes = stream.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)(bytes.Length - 8));
        return bytes;
    }
}
