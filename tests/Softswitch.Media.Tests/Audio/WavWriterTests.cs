using System.Buffers.Binary;
using System.Globalization;
using Softswitch.Media.Audio;

namespace Softswitch.Media.Tests.Audio;

public class WavWriterTests
{
    private TempFolder _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = new TempFolder();

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    [TestCase(8000, 1)]
    [TestCase(16000, 1)]
    [TestCase(8000, 2)]
    [TestCase(48000, 2)]
    public async Task Written_file_is_accepted_by_soxi_and_round_trips_through_sox(int rate, int channels)
    {
        string path = _folder.File("out.wav");
        short[] samples = SignalMeasure.Sine(1000, rate, rate, amplitude: 8000, channels: channels);
        using (var writer = new WavWriter(path, rate, channels))
        {
            int frame = rate / 50 * channels;
            for (int offset = 0; offset < samples.Length; offset += frame)
            {
                writer.Write(samples.AsSpan(offset, frame));
            }

            Assert.That(writer.FramesWritten, Is.EqualTo(rate));
        }

        Assert.That((await Sox.InfoAsync("-r", path)).Trim(), Is.EqualTo(rate.ToString(CultureInfo.InvariantCulture)));
        Assert.That((await Sox.InfoAsync("-c", path)).Trim(), Is.EqualTo(channels.ToString(CultureInfo.InvariantCulture)));
        Assert.That((await Sox.InfoAsync("-s", path)).Trim(), Is.EqualTo(rate.ToString(CultureInfo.InvariantCulture)));
        Assert.That((await Sox.InfoAsync("-b", path)).Trim(), Is.EqualTo("16"));
        Assert.That(await Sox.ReadAsRawS16Async(path, _folder.Path), Is.EqualTo(samples));
        Assert.That(WavReader.ReadAll(path).Samples, Is.EqualTo(samples));
    }

    [Test]
    public async Task Sox_stats_measures_the_level_we_wrote()
    {
        string path = _folder.File("tone.wav");
        using (var writer = new WavWriter(path, 8000, 1))
        {
            writer.Write(SignalMeasure.Sine(1000, 8000, 8000, amplitude: 16384));
        }

        string stats = await Sox.RunAsync(path, "-n", "stats");

        // A sine at half of full scale peaks at -6.02 dBFS.
        string peakLine = stats.Split('\n').Single(line => line.StartsWith("Pk lev dB", StringComparison.Ordinal));
        double peak = double.Parse(peakLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1], CultureInfo.InvariantCulture);
        Assert.That(peak, Is.EqualTo(-6.02).Within(0.05));
    }

    [Test]
    public void Stereo_writes_interleave_left_then_right()
    {
        string path = _folder.File("stereo.wav");
        using (var writer = new WavWriter(path, 8000, 2))
        {
            writer.WriteStereo([1, 2, 3], [-1, -2, -3]);
        }

        Assert.That(WavReader.ReadAll(path).Samples, Is.EqualTo(new short[] { 1, -1, 2, -2, 3, -3 }));
    }

    [Test]
    public async Task Flush_leaves_a_valid_file_while_recording_continues()
    {
        string path = _folder.File("live.wav");
        using var writer = new WavWriter(path, 8000, 1);
        writer.Write(SignalMeasure.Sine(440, 8000, 800));
        writer.Flush();

        Assert.That((await Sox.InfoAsync("-s", path)).Trim(), Is.EqualTo("800"));

        writer.Write(SignalMeasure.Sine(440, 8000, 800));
        writer.Flush();
        Assert.That((await Sox.InfoAsync("-s", path)).Trim(), Is.EqualTo("1600"));
    }

    [Test]
    public void Header_has_zero_sizes_until_the_first_flush()
    {
        var stream = new MemoryStream();
        var writer = new WavWriter(stream, 8000, 1, leaveOpen: true);
        writer.Write(new short[160]);

        byte[] before = stream.ToArray();
        Assert.That(before, Has.Length.EqualTo(44), "frames are still buffered");
        Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(before.AsSpan(40)), Is.EqualTo(0));

        writer.Dispose();
        byte[] after = stream.ToArray();
        Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(after.AsSpan(4)), Is.EqualTo(36 + 320));
        Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(after.AsSpan(40)), Is.EqualTo(320));
    }

    [Test]
    public void Partial_frames_and_writes_after_dispose_are_programming_errors()
    {
        var writer = new WavWriter(new MemoryStream(), 8000, 2);
        Assert.Throws<ArgumentException>(() => writer.Write(new short[3]));
        writer.Dispose();
        Assert.Throws<ObjectDisposedException>(() => writer.Write(new short[2]));
    }

    [Test]
    public void Steady_state_writes_do_not_allocate()
    {
        var writer = new WavWriter(new MemoryStream(new byte[1 << 20]), 8000, 2);
        var frame = new short[320];
        writer.Write(frame);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 500; i++)
        {
            writer.Write(frame);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.EqualTo(0));
    }
}
