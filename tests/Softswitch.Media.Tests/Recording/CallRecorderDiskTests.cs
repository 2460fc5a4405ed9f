using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Media.Audio;
using Softswitch.Media.Clock;
using Softswitch.Media.Codecs;
using Softswitch.Media.Recording;
using Softswitch.Media.Sdp;
using Softswitch.Media.Tests.Audio;

namespace Softswitch.Media.Tests.Recording;

/// <summary>The recorder's disk side: a disk that stops answering, a process killed before the header was written.</summary>
public sealed class CallRecorderDiskTests
{
    private static readonly MediaFormat Pcmu = new(0, "PCMU", 8000);

    private TempFolder _folder = null!;
    private FakeTimeProvider _time = null!;
    private MediaClock _clock = null!;

    [SetUp]
    public void CreateFolderAndIdleClock()
    {
        _folder = new TempFolder();
        _time = new FakeTimeProvider();
        _clock = new MediaClock(_time, NullLogger<MediaClock>.Instance);
    }

    [TearDown]
    public async Task RemoveFolder()
    {
        await _clock.DisposeAsync();
        _folder.Dispose();
    }

    [Test]
    public async Task A_full_queue_drops_and_counts_frames_without_blocking_the_clock()
    {
        var disk = new GatedStream();
        var recorder = CallRecorder.Start(disk, "stuck.wav", Pcmu, _clock, NullLogger<CallRecorder>.Instance,
            new CallRecorderOptions { QueueFrames = 10, FlushEveryFrames = 1, Time = _time });
        disk.CloseGate();

        recorder.OnTick(0);
        Assert.That(await disk.WriterWaiting.WaitAsync(TimeSpan.FromSeconds(5)), Is.True, "the writer reached the stuck disk");
        var elapsed = Stopwatch.StartNew();
        for (long tick = 1; tick <= 30; tick++)
        {
            recorder.OnTick(tick);
        }

        elapsed.Stop();
        long dropped = recorder.FramesDropped;
        disk.OpenGate();
        await recorder.DisposeAsync();

        Assert.That(WavReader.TryOpen(new MemoryStream(disk.ToArray()), out var reader), Is.EqualTo(WavReadStatus.Ok));
        using (reader)
        {
            Assert.Multiple(() =>
            {
                Assert.That(elapsed.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)), "ticks did not wait for the disk");
                Assert.That(dropped, Is.EqualTo(20), "one frame at the writer, ten queued, the rest dropped");
                Assert.That(recorder.FramesWritten, Is.EqualTo(11));
                Assert.That(reader!.FrameCount, Is.EqualTo(11 * 160));
            });
        }
    }

    [Test]
    public async Task A_recording_cut_off_mid_call_is_repaired_and_readable()
    {
        var received = new TonePackets(PcmuCodec.Instance, 1000, 60);
        var sent = new TonePackets(PcmuCodec.Instance, 500, 60);
        string path = _folder.File("killed.wav");
        string left = _folder.File("left-behind.wav");
        // No flush during the call: the header still says 0 bytes, as when the process dies before its first flush.
        var recorder = CallRecorder.Start(path, Pcmu, _clock, NullLogger<CallRecorder>.Instance, new CallRecorderOptions { FlushEveryFrames = 1000, Time = _time });
        for (int tick = 0; tick < 60; tick++)
        {
            CallRecorderTests.Receive(recorder, received, tick);
            CallRecorderTests.Send(recorder, sent, tick);
            _time.Advance(MediaClock.Period);
            recorder.OnTick(tick);
        }

        await CallRecorderTests.WaitUntil(() => recorder.FramesWritten == 60);

        // What is on disk right now is what a killed process leaves behind.
        File.Copy(path, left);
        var repair = WavRepair.Repair(left);
        await recorder.DisposeAsync();

        var wav = RecordedChannels.Read(left);
        Assert.Multiple(() =>
        {
            Assert.That(repair, Is.EqualTo(WavRepairResult.Repaired));
            Assert.That(wav.Frames, Is.InRange(20, 59), "the writer's buffered tail is lost, the rest is there");
            Assert.That(wav.Left, Is.EqualTo(received.Decoded(PcmuCodec.Instance, 0, 60).AsSpan(0, wav.Left.Length).ToArray()));
            Assert.That(wav.Tone(wav.Right, 500), Is.GreaterThan(7000));
            Assert.That(RecordedChannels.Read(path).Frames, Is.EqualTo(60), "the recording closed normally is whole");
        });
        string rate = await Sox.InfoAsync("-r", left);
        Assert.That(rate.Trim(), Is.EqualTo("8000"), "sox reads the repaired file");
    }
}
