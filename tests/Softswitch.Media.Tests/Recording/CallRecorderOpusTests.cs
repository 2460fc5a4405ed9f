using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Media.Audio;
using Softswitch.Media.Clock;
using Softswitch.Media.Codecs;
using Softswitch.Media.Recording;
using Softswitch.Media.Sdp;
using Softswitch.Media.Tests.Audio;

namespace Softswitch.Media.Tests.Recording;

public sealed class CallRecorderOpusTests
{
    private static readonly MediaFormat Opus = new(111, "opus", 48000, 2, "useinbandfec=1");

    private TempFolder _folder = null!;
    private FakeTimeProvider _time = null!;
    private MediaClock _clock = null!;

    [SetUp]
    public void RequireLibopus()
    {
        if (!OpusLibrary.IsAvailable)
        {
            Assert.Fail("libopus.so.0 could not be loaded: install it with 'apt-get install -y libopus0'.");
        }

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
    [Description("RFC 7587 §4.1: Opus RTP runs at 48 kHz; the recording keeps its wideband audio at 16 kHz")]
    public async Task Opus_is_recorded_at_16_khz_with_its_tones_intact()
    {
        using var callerEncoder = new OpusCodec();
        using var ourEncoder = new OpusCodec();
        // 5 kHz on our side: audio an 8 kHz recording could not hold.
        var received = new TonePackets(callerEncoder, 1000, 100);
        var sent = new TonePackets(ourEncoder, 5000, 100);
        string path = _folder.File("opus.wav");
        var recorder = Start(path);

        Drive(recorder, 100, tick =>
        {
            CallRecorderTests.Receive(recorder, received, tick);
            CallRecorderTests.Send(recorder, sent, tick);
        });
        await recorder.DisposeAsync();

        var wav = RecordedChannels.Read(path);
        // Past the codec's and the resampler's start-up.
        short[] left = wav.Left[(10 * wav.FrameSamples)..];
        short[] right = wav.Right[(10 * wav.FrameSamples)..];
        Assert.Multiple(() =>
        {
            Assert.That(recorder.SampleRate, Is.EqualTo(16000));
            Assert.That(wav.Format, Is.EqualTo(new WavFormat(WavEncoding.Pcm16, 16000, 2)));
            Assert.That(wav.Frames, Is.EqualTo(100));
            Assert.That(wav.Tone(left, 1000), Is.GreaterThan(6000));
            Assert.That(wav.Tone(left, 5000), Is.LessThan(200));
            Assert.That(wav.Tone(right, 5000), Is.GreaterThan(5000));
            Assert.That(wav.Tone(right, 1000), Is.LessThan(200));
            Assert.That(recorder.ReceivedFramesConcealed + recorder.SentFramesConcealed, Is.Zero);
        });
        string rate = await Sox.InfoAsync("-r", path);
        Assert.That(rate.Trim(), Is.EqualTo("16000"));
    }

    [Test]
    public async Task Lost_opus_packets_are_concealed_instead_of_silenced()
    {
        using var encoder = new OpusCodec();
        var received = new TonePackets(encoder, 1000, 100);
        string path = _folder.File("opus-loss.wav");
        var recorder = Start(path);

        Drive(recorder, 100, tick =>
        {
            if (tick is not (40 or 41))
            {
                CallRecorderTests.Receive(recorder, received, tick);
            }
        });
        await recorder.DisposeAsync();

        var wav = RecordedChannels.Read(path);
        // The buffer runs dry at ticks 40 and 41 and learns of the loss when packet 42 arrives: four frames to fill.
        double quietest = Enumerable.Range(30, 20).Min(f => SignalMeasure.Rms(wav.Frame(wav.Left, f)));
        Assert.Multiple(() =>
        {
            Assert.That(recorder.ReceivedFramesConcealed, Is.EqualTo(2));
            Assert.That(quietest, Is.GreaterThan(0), "no frame of digital silence where the packets were lost");
            Assert.That(wav.Tone(wav.Frame(wav.Left, 40), 1000), Is.GreaterThan(2000), "the first missing frame carries the tone on");
            Assert.That(wav.Tone(wav.Frame(wav.Left, 99), 1000), Is.GreaterThan(5000), "the tone resumes");
        });
    }

    [Test]
    public async Task An_opus_stream_that_stops_fades_to_silence_without_stalling()
    {
        using var encoder = new OpusCodec();
        var received = new TonePackets(encoder, 1000, 100);
        string path = _folder.File("opus-hold.wav");
        var recorder = Start(path);

        Drive(recorder, 100, tick =>
        {
            if (tick < 50)
            {
                CallRecorderTests.Receive(recorder, received, tick);
            }
        });
        await recorder.DisposeAsync();

        var wav = RecordedChannels.Read(path);
        Assert.Multiple(() =>
        {
            Assert.That(wav.Frames, Is.EqualTo(100));
            Assert.That(recorder.ReceivedFramesConcealed, Is.Zero, "a stream that stops is not loss");
            for (int frame = 60; frame < 100; frame++)
            {
                Assert.That(SignalMeasure.Rms(wav.Frame(wav.Left, frame)), Is.LessThan(50), $"frame {frame}");
            }
        });
    }

    private CallRecorder Start(string path) =>
        CallRecorder.Start(path, Opus, _clock, NullLogger<CallRecorder>.Instance, new CallRecorderOptions { Time = _time });

    private void Drive(CallRecorder recorder, int ticks, Action<int> packetsAt)
    {
        for (int tick = 0; tick < ticks; tick++)
        {
            packetsAt(tick);
            _time.Advance(MediaClock.Period);
            recorder.OnTick(tick);
        }
    }
}
