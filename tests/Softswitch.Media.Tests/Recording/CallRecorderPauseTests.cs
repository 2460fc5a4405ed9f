using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Media.Clock;
using Softswitch.Media.Codecs;
using Softswitch.Media.Recording;
using Softswitch.Media.Sdp;
using Softswitch.Media.Tests.Audio;

namespace Softswitch.Media.Tests.Recording;

/// <summary>PCI pause: silence in place of the conversation, the timeline kept, the spans noted.</summary>
public sealed class CallRecorderPauseTests
{
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
    public async Task A_paused_span_is_written_as_silence_on_both_channels_and_the_tones_go_on_around_it()
    {
        var received = new TonePackets(PcmuCodec.Instance, 1000, 150);
        var sent = new TonePackets(PcmuCodec.Instance, 500, 150);
        string path = _folder.File("pci.wav");
        var recorder = CallRecorder.Start(path, new MediaFormat(0, "PCMU", 8000), _clock, NullLogger<CallRecorder>.Instance,
            new CallRecorderOptions { Time = _time });

        for (int tick = 0; tick < 150; tick++)
        {
            if (tick == 50) Assert.That(recorder.Pause(), Is.True);
            if (tick == 100) Assert.That(recorder.Resume(), Is.True);
            CallRecorderTests.Receive(recorder, received, tick);
            CallRecorderTests.Send(recorder, sent, tick);
            _time.Advance(MediaClock.Period);
            recorder.OnTick(tick);
        }

        await recorder.DisposeAsync();

        var wav = RecordedChannels.Read(path);
        int frame = wav.FrameSamples;
        Assert.Multiple(() =>
        {
            Assert.That(wav.Frames, Is.EqualTo(150), "the pause keeps the timeline");
            Assert.That(wav.Tone(wav.Left.AsSpan(2 * frame, 45 * frame), 1000), Is.GreaterThan(7000), "before the pause");
            Assert.That(wav.Tone(wav.Right.AsSpan(2 * frame, 45 * frame), 500), Is.GreaterThan(7000), "before the pause");
            Assert.That(SignalMeasure.Rms(wav.Left.AsSpan(50 * frame, 50 * frame)), Is.Zero, "paused: nothing of the caller");
            Assert.That(SignalMeasure.Rms(wav.Right.AsSpan(50 * frame, 50 * frame)), Is.Zero, "paused: nothing of the agent");
            Assert.That(wav.Tone(wav.Left.AsSpan(102 * frame, 45 * frame), 1000), Is.GreaterThan(7000), "after the resume");
            Assert.That(wav.Tone(wav.Right.AsSpan(102 * frame, 45 * frame), 500), Is.GreaterThan(7000), "after the resume");
            Assert.That(recorder.Pauses, Is.EqualTo(new[] { new RecordingPause(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)) }));
            Assert.That(recorder.IsPaused, Is.False);
        });
    }

    [Test]
    public async Task Pausing_twice_or_resuming_what_is_not_paused_changes_nothing_and_a_pause_left_open_has_no_end()
    {
        var recorder = CallRecorder.Start(_folder.File("twice.wav"), new MediaFormat(0, "PCMU", 8000), _clock, NullLogger<CallRecorder>.Instance,
            new CallRecorderOptions { Time = _time });
        Assert.That(recorder.Resume(), Is.False, "not paused");
        recorder.OnTick(0);
        Assert.That(recorder.Pause(), Is.True);
        Assert.That(recorder.Pause(), Is.False, "already paused");
        recorder.OnTick(1);
        await recorder.DisposeAsync();

        Assert.Multiple(() =>
        {
            Assert.That(recorder.Pauses, Is.EqualTo(new[] { new RecordingPause(MediaClock.Period, null) }));
            Assert.That(recorder.Resume(), Is.False, "stopped");
            Assert.That(recorder.FramesWritten, Is.EqualTo(2));
        });
    }
}
