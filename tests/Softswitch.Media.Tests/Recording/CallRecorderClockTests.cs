using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Media.Clock;
using Softswitch.Media.Codecs;
using Softswitch.Media.Recording;
using Softswitch.Media.Sdp;
using Softswitch.Media.Tests.Audio;

namespace Softswitch.Media.Tests.Recording;

/// <summary>The recorder paced by a running <see cref="MediaClock"/> on a fake time base.</summary>
public sealed class CallRecorderClockTests
{
    [Test]
    public async Task A_running_clock_records_one_frame_per_tick_from_start_until_dispose()
    {
        using var folder = new TempFolder();
        var time = new FakeTimeProvider();
        await using var clock = new MediaClock(time, NullLogger<MediaClock>.Instance);
        var received = new TonePackets(PcmuCodec.Instance, 1000, 50);
        var sent = new TonePackets(PcmuCodec.Instance, 500, 50);
        string path = folder.File("clocked.wav");
        var recorder = CallRecorder.Start(path, new MediaFormat(0, "PCMU", 8000), clock, NullLogger<CallRecorder>.Instance, new CallRecorderOptions { Time = time });
        Assert.That(clock.ListenerCount, Is.EqualTo(1), "Start registers with the clock");

        clock.Start();
        await WaitFor(() => clock.Ticks == 1);
        for (int packet = 0; packet < 50; packet++)
        {
            CallRecorderTests.Receive(recorder, received, packet);
            CallRecorderTests.Send(recorder, sent, packet);
            await AdvanceOneTick(time, clock);
        }

        await recorder.DisposeAsync();
        long ticksWhileRecording = clock.Ticks;
        await AdvanceOneTick(time, clock);

        var wav = RecordedChannels.Read(path);
        Assert.Multiple(() =>
        {
            Assert.That(clock.ListenerCount, Is.Zero, "dispose leaves the clock");
            Assert.That(recorder.FramesWritten, Is.EqualTo(ticksWhileRecording).Within(1));
            Assert.That(wav.Frames, Is.EqualTo(recorder.FramesWritten));
            Assert.That(recorder.Duration, Is.EqualTo(TimeSpan.FromSeconds(1.02)).Within(TimeSpan.FromMilliseconds(20)));
            Assert.That(SignalMeasure.Rms(wav.Frame(wav.Left, 0)), Is.Zero, "tick 0 came before any packet");
            Assert.That(wav.Tone(wav.Left.AsSpan(wav.FrameSamples * 2), 1000), Is.GreaterThan(7000));
            Assert.That(wav.Tone(wav.Right.AsSpan(wav.FrameSamples * 2), 500), Is.GreaterThan(7000));
            Assert.That(recorder.ReceivedFramesConcealed + recorder.SentFramesConcealed, Is.Zero);
        });
    }

    private static async Task AdvanceOneTick(FakeTimeProvider time, MediaClock clock)
    {
        long before = clock.Ticks;
        time.Advance(MediaClock.Period);
        await WaitFor(() => clock.Ticks > before);
    }

    private static async Task WaitFor(Func<bool> condition)
    {
        for (int i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(5);
        }

        Assert.That(condition(), Is.True, "condition not reached within 2.5 s");
    }
}
