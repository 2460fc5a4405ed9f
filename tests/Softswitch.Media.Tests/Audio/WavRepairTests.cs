using System.Buffers.Binary;
using Softswitch.Media.Audio;

namespace Softswitch.Media.Tests.Audio;

public class WavRepairTests
{
    private TempFolder _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = new TempFolder();

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    [Test]
    public async Task File_of_a_killed_writer_is_repaired_and_then_read_by_sox()
    {
        string path = _folder.File("killed.wav");
        short[] samples = SignalMeasure.Sine(1000, 8000, 1234, amplitude: 9000, channels: 2);
        WriteAsIfKilled(path, samples, channels: 2, extraBytes: [0x11, 0x22, 0x33]);

        Assert.That(WavRepair.Repair(path), Is.EqualTo(WavRepairResult.Repaired));

        Assert.That(new FileInfo(path).Length, Is.EqualTo(44 + samples.Length * 2), "the partial frame is cut off");
        Assert.That((await Sox.InfoAsync("-s", path)).Trim(), Is.EqualTo("1234"));
        Assert.That(await Sox.ReadAsRawS16Async(path, _folder.Path), Is.EqualTo(samples));
    }

    [Test]
    public void Repairing_twice_changes_nothing_the_second_time()
    {
        string path = _folder.File("twice.wav");
        WriteAsIfKilled(path, new short[500], channels: 1, extraBytes: []);

        Assert.That(WavRepair.Repair(path), Is.EqualTo(WavRepairResult.Repaired));
        Assert.That(WavRepair.Repair(path), Is.EqualTo(WavRepairResult.AlreadyValid));
    }

    [Test]
    public void Properly_closed_file_is_already_valid()
    {
        string path = _folder.File("good.wav");
        using (var writer = new WavWriter(path, 16000, 1))
        {
            writer.Write(new short[320]);
        }

        Assert.That(WavRepair.Repair(path), Is.EqualTo(WavRepairResult.AlreadyValid));
    }

    [Test]
    public async Task Stale_sizes_from_an_earlier_flush_are_extended_to_the_whole_file()
    {
        string path = _folder.File("stale.wav");
        var writer = new WavWriter(path, 8000, 1);
        writer.Write(new short[800]);
        writer.Flush();
        byte[] flushed = await File.ReadAllBytesAsync(path);
        writer.Write(new short[800]);
        writer.Dispose();
        byte[] complete = await File.ReadAllBytesAsync(path);
        flushed.AsSpan(0, 44).CopyTo(complete);
        await File.WriteAllBytesAsync(path, complete);

        Assert.That(WavRepair.Repair(path), Is.EqualTo(WavRepairResult.Repaired));
        Assert.That((await Sox.InfoAsync("-s", path)).Trim(), Is.EqualTo("1600"));
    }

    [Test]
    public async Task Chunk_after_the_data_is_not_mistaken_for_audio()
    {
        string path = _folder.File("trailer.wav");
        using (var writer = new WavWriter(path, 8000, 1))
        {
            writer.Write(new short[100]);
        }

        byte[] list = [.. "LIST"u8, 4, 0, 0, 0, .. "INFO"u8];
        byte[] bytes = [.. await File.ReadAllBytesAsync(path), .. list];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)(bytes.Length - 8));
        await File.WriteAllBytesAsync(path, bytes);

        Assert.That(WavRepair.Repair(path), Is.EqualTo(WavRepairResult.AlreadyValid));
        Assert.That(WavReader.ReadAll(path).Samples, Has.Length.EqualTo(100));
    }

    [Test]
    public void Non_wav_file_is_left_alone()
    {
        string path = _folder.File("notes.txt");
        File.WriteAllText(path, "not audio at all");

        Assert.That(WavRepair.Repair(path), Is.EqualTo(WavRepairResult.NotRepairable));
        Assert.That(File.ReadAllText(path), Is.EqualTo("not audio at all"));
    }

    /// <summary>What a process killed mid-recording leaves: header sizes still 0, data, maybe half a frame.</summary>
    private static void WriteAsIfKilled(string path, short[] samples, int channels, byte[] extraBytes)
    {
        var stream = new MemoryStream();
        using (var writer = new WavWriter(stream, 8000, channels, leaveOpen: true))
        {
            writer.Write(samples);
        }

        byte[] bytes = [.. stream.ToArray(), .. extraBytes];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), 0);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(40), 0);
        File.WriteAllBytes(path, bytes);
    }
}
