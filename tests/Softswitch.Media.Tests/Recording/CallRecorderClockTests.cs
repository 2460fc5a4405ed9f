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
        var probe = new TickProbe();
        clock.Add(probe);

        clock.Start();
        await WaitFor(() => probe.Count == 1);
        for (int packet = 0; packet < 50; packet++)
        {
            CallRecorderTests.Receive(recorder, received, packet);
            CallRecorderTests.Send(recorder, sent, packet);
            await AdvanceOneTick(time, probe);
        }

        long ticksWhileRecording = probe.Count;
        await recorder.DisposeAsync();
        await AdvanceOneTick(time, probe);

        var wav = RecordedChannels.Read(path);
        Assert.Multiple(() =>
        {
            Assert.That(clock.ListenerCount, Is.EqualTo(1), "dispose leaves the clock (the probe stays)");
            Assert.That(ticksWhileRecording, Is.EqualTo(51));
            Assert.That(recorder.FramesWritten, Is.EqualTo(ticksWhileRecording));
            Assert.That(wav.Frames, Is.EqualTo(recorder.FramesWritten));
            Assert.That(recorder.Duration, Is.EqualTo(TimeSpan.FromSeconds(1.02)).Within(TimeSpan.FromMilliseconds(20)));
            Assert.That(SignalMeasure.Rms(wav.Frame(wav.Left, 0)), Is.Zero, "tick 0 came before any packet");
            Assert.That(wav.Tone(wav.Left.AsSpan(wav.FrameSamples * 2), 1000), Is.GreaterThan(7000));
            Assert.That(wav.Tone(wav.Right.AsSpan(wav.FrameSamples * 2), 500), Is.GreaterThan(7000));
            Assert.That(recorder.ReceivedFramesConcealed + recorder.SentFramesConcealed, Is.Zero);
        });
    }

    /// <summary>
    /// Advances a millisecond at a time until the next tick has been handled. An advance that lands while the clock's
    /// loop is arming its delay postpones that tick by up to a period, so after the period it keeps stepping rather
    /// than waiting for fake time that would never come.
    /// </summary>
    private static async Task AdvanceOneTick(FakeTimeProvider time, TickProbe probe)
    {
        long target = probe.Count + 1;
        for (int step = 0; step < 100; step++)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
            if (step < 19)
            {
                continue;
            }

            for (int wait = 0; wait < 20 && probe.Count < target; wait++)
            {
                await Task.Delay(2);
            }

            if (probe.Count >= target)
            {
                return;
            }
        }

        Assert.Fail("the clock did not tick");
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
