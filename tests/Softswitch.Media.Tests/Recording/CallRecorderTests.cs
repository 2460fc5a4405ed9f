using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Media.Audio;
using Softswitch.Media.Clock;
using Softswitch.Media.Codecs;
using Softswitch.Media.Recording;
using Softswitch.Media.Sdp;
using Softswitch.Media.Tests.Audio;

namespace Softswitch.Media.Tests.Recording;

public sealed class CallRecorderTests
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
        // Never started: these tests call OnTick themselves.
        _clock = new MediaClock(_time, NullLogger<MediaClock>.Instance);
    }

    [TearDown]
    public async Task RemoveFolder()
    {
        await _clock.DisposeAsync();
        _folder.Dispose();
    }

    [TestCase("PCMU", 0)]
    [TestCase("PCMA", 8)]
    public async Task G711_tones_are_recorded_received_left_and_sent_right_sample_for_sample(string encoding, int payloadType)
    {
        var format = new MediaFormat(payloadType, encoding, 8000);
        IAudioCodec codec = AudioCodecs.Create(format)!;
        var received = new TonePackets(codec, 1000, 100);
        var sent = new TonePackets(codec, 500, 100);
        string path = _folder.File("call.wav");
        var recorder = CallRecorder.Start(path, format, _clock, NullLogger<CallRecorder>.Instance, new CallRecorderOptions { Time = _time });

        Drive(recorder, 100, tick =>
        {
            Receive(recorder, received, tick);
            Send(recorder, sent, tick);
        });
        await recorder.DisposeAsync();

        var wav = RecordedChannels.Read(path);
        Assert.Multiple(() =>
        {
            Assert.That(wav.Format, Is.EqualTo(new WavFormat(WavEncoding.Pcm16, 8000, 2)));
            Assert.That(wav.Frames, Is.EqualTo(100));
            Assert.That(recorder.FramesWritten, Is.EqualTo(100));
            Assert.That(recorder.Duration, Is.EqualTo(TimeSpan.FromSeconds(2)));
            Assert.That(recorder.FramesDropped, Is.Zero);
            Assert.That(wav.Left, Is.EqualTo(received.Decoded(codec, 0, 100)));
            Assert.That(wav.Right, Is.EqualTo(sent.Decoded(codec, 0, 100)));
            Assert.That(wav.Tone(wav.Left, 1000), Is.GreaterThan(7000));
            Assert.That(wav.Tone(wav.Left, 500), Is.LessThan(100));
            Assert.That(wav.Tone(wav.Right, 500), Is.GreaterThan(7000));
            Assert.That(wav.Tone(wav.Right, 1000), Is.LessThan(100));
        });
    }

    [Test]
    public async Task Sox_reads_the_recording_as_8_khz_stereo_with_1_khz_left_and_500_hz_right()
    {
        var received = new TonePackets(PcmuCodec.Instance, 1000, 150);
        var sent = new TonePackets(PcmuCodec.Instance, 500, 150);
        string path = _folder.File("sox.wav");
        var recorder = Start(path);
        Drive(recorder, 150, tick =>
        {
            Receive(recorder, received, tick);
            Send(recorder, sent, tick);
        });
        await recorder.DisposeAsync();

        string rate = await Sox.InfoAsync("-r", path);
        string channels = await Sox.InfoAsync("-c", path);
        string bits = await Sox.InfoAsync("-b", path);
        string seconds = await Sox.InfoAsync("-D", path);
        string left = await Sox.RunAsync(path, "-n", "remix", "1", "stat");
        string right = await Sox.RunAsync(path, "-n", "remix", "2", "stat");

        Assert.Multiple(() =>
        {
            Assert.That(rate.Trim(), Is.EqualTo("8000"));
            Assert.That(channels.Trim(), Is.EqualTo("2"));
            Assert.That(bits.Trim(), Is.EqualTo("16"));
            Assert.That(double.Parse(seconds.Trim(), System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(3.0).Within(0.02));
            Assert.That(RoughFrequency(left), Is.EqualTo(1000).Within(30));
            Assert.That(RoughFrequency(right), Is.EqualTo(500).Within(15));
        });
    }

    [Test]
    public async Task A_channel_is_silent_before_its_first_packet_and_while_on_hold_and_time_goes_on()
    {
        var received = new TonePackets(PcmuCodec.Instance, 1000, 100);
        var sent = new TonePackets(PcmuCodec.Instance, 500, 100);
        string path = _folder.File("hold.wav");
        var recorder = Start(path);

        // The caller's audio starts 400 ms late; our side goes on hold from 0.8 s to 1.4 s.
        Drive(recorder, 100, tick =>
        {
            if (tick >= 20)
            {
                Receive(recorder, received, tick);
            }

            if (tick < 40)
            {
                Send(recorder, sent, tick);
            }
            else if (tick >= 70)
            {
                // RFC 3550: the sequence goes on from where it stopped, the timestamp has moved with time; a new talkspurt.
                recorder.OnSent(sent.Sequence(tick - 30), sent.Timestamp(tick), tick == 70, sent.Payload(tick));
            }
        });
        await recorder.DisposeAsync();

        var wav = RecordedChannels.Read(path);
        Assert.That(wav.Frames, Is.EqualTo(100), "both channels stay on wall time");
        Assert.Multiple(() =>
        {
            for (int frame = 0; frame < 100; frame++)
            {
                double left = wav.Tone(wav.Frame(wav.Left, frame), 1000);
                double right = wav.Tone(wav.Frame(wav.Right, frame), 500);
                Assert.That(left, frame < 20 ? Is.Zero : Is.GreaterThan(6000), $"left frame {frame}");
                // The first frame after hold may be spent refilling the jitter buffer.
                if (frame is < 40 or > 70)
                {
                    Assert.That(right, Is.GreaterThan(6000), $"right frame {frame}");
                }
                else if (frame < 70)
                {
                    Assert.That(SignalMeasure.Rms(wav.Frame(wav.Right, frame)), Is.Zero, $"right frame {frame} on hold");
                }
            }
        });
    }

    [Test]
    public async Task Reordered_packets_are_put_back_in_order_by_the_jitter_buffer()
    {
        var received = new TonePackets(PcmuCodec.Instance, 1000, 100);
        string path = _folder.File("reorder.wav");
        var recorder = Start(path);

        // Packets come in pairs every 40 ms, each pair after the first swapped: 0 1, 3 2, 5 4, ...
        Drive(recorder, 101, tick =>
        {
            if (tick == 1)
            {
                Receive(recorder, received, 0);
                Receive(recorder, received, 1);
            }
            else if (tick % 2 == 1 && tick < 100)
            {
                Receive(recorder, received, tick);
                Receive(recorder, received, tick - 1);
            }
        });
        await recorder.DisposeAsync();

        var wav = RecordedChannels.Read(path);
        Assert.Multiple(() =>
        {
            Assert.That(recorder.ReceivedFramesConcealed, Is.Zero);
            Assert.That(recorder.ReceivedPacketsDiscarded, Is.Zero);
            Assert.That(SignalMeasure.Rms(wav.Frame(wav.Left, 0)), Is.Zero, "nothing had arrived at the first tick");
            Assert.That(wav.Left.AsSpan(wav.FrameSamples, 100 * wav.FrameSamples).ToArray(), Is.EqualTo(received.Decoded(PcmuCodec.Instance, 0, 100)));
        });
    }

    [Test]
    public async Task Lost_pcmu_packets_are_counted_and_recorded_as_silence()
    {
        var received = new TonePackets(PcmuCodec.Instance, 1000, 100);
        string path = _folder.File("loss.wav");
        var recorder = Start(path);

        Drive(recorder, 100, tick =>
        {
            if (tick is not (30 or 31))
            {
                Receive(recorder, received, tick);
            }
        });
        await recorder.DisposeAsync();

        var wav = RecordedChannels.Read(path);
        int silent = Enumerable.Range(0, wav.Frames).Count(f => SignalMeasure.Rms(wav.Frame(wav.Left, f)) == 0);
        Assert.Multiple(() =>
        {
            Assert.That(recorder.ReceivedFramesConcealed, Is.EqualTo(2));
            Assert.That(wav.Frames, Is.EqualTo(100));
            Assert.That(wav.Left.AsSpan(0, 30 * wav.FrameSamples).ToArray(), Is.EqualTo(received.Decoded(PcmuCodec.Instance, 0, 30)));
            // The two lost frames, plus the ticks the buffer spent noticing the gap (an underrun looks like loss until later packets come).
            Assert.That(silent, Is.InRange(2, 4));
            Assert.That(wav.Tone(wav.Frame(wav.Left, 99), 1000), Is.GreaterThan(6000), "the tone resumes");
        });
    }

    [Test]
    public async Task Skipped_clock_ticks_are_made_up_so_the_recording_keeps_wall_time()
    {
        string path = _folder.File("skip.wav");
        var recorder = Start(path);

        foreach (long tick in new long[] { 0, 1, 2, 6, 7 })
        {
            recorder.OnTick(tick);
        }

        recorder.OnTick(7); // a repeated tick records nothing
        await recorder.DisposeAsync();

        Assert.That(recorder.FramesWritten, Is.EqualTo(8));
        Assert.That(WavReader.ReadAll(path).Samples, Has.Length.EqualTo(8 * 160 * 2));
    }

    [Test]
    public async Task Folders_of_the_path_are_created()
    {
        string path = RecordingPaths.For(_folder.Path, "abc@host", new DateTimeOffset(2025, 3, 7, 10, 0, 0, TimeSpan.Zero));
        var recorder = Start(path);
        recorder.OnTick(0);
        await recorder.DisposeAsync();

        Assert.That(File.Exists(path), Is.True);
        Assert.That(recorder.Path, Is.EqualTo(path));
    }

    [Test]
    public async Task An_existing_file_is_never_opened_let_alone_truncated()
    {
        string path = _folder.File("victim.wav");
        var first = Start(path);
        Drive(first, 50, _ => { });
        await first.DisposeAsync();
        long length = new FileInfo(path).Length;

        Assert.That(() => Start(path), Throws.InstanceOf<IOException>());

        Assert.That(new FileInfo(path).Length, Is.EqualTo(length));
        Assert.That(RecordedChannels.Read(path).Frames, Is.EqualTo(50));
        Assert.That(_clock.ListenerCount, Is.Zero);
    }

    [Test]
    [Platform(Exclude = "Win")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_file_is_0640_and_new_date_folders_0750()
    {
        string path = Path.Combine(_folder.File("root"), "2026", "12", "05", "call.wav");
        var recorder = Start(path);
        await recorder.DisposeAsync();

        Assert.That(File.GetUnixFileMode(path), Is.EqualTo(RecordingPaths.FilePermissions));
        Assert.That(File.GetUnixFileMode(Path.GetDirectoryName(path)!), Is.EqualTo(RecordingPaths.FolderPermissions));
        Assert.That(File.GetUnixFileMode(_folder.File("root")), Is.EqualTo(RecordingPaths.FolderPermissions));
    }

    [Test]
    public void A_codec_without_a_decoder_is_refused_before_a_file_is_made()
    {
        string path = _folder.File("g722.wav");
        Assert.That(() => CallRecorder.Start(path, new MediaFormat(9, "G722", 8000), _clock, NullLogger<CallRecorder>.Instance), Throws.ArgumentException);
        Assert.That(File.Exists(path), Is.False);
        Assert.That(_clock.ListenerCount, Is.Zero);
    }

    [Test]
    public async Task Ticks_and_packets_allocate_nothing_once_running()
    {
        var received = new TonePackets(PcmuCodec.Instance, 1000, 1000);
        var sent = new TonePackets(PcmuCodec.Instance, 500, 1000);
        var recorder = Start(_folder.File("alloc.wav"));
        Drive(recorder, 300, tick =>
        {
            Receive(recorder, received, tick);
            Send(recorder, sent, tick);
        });
        await WaitUntil(() => recorder.FramesWritten + recorder.FramesDropped == 300);

        long allocated = 0;
        for (int tick = 300; tick < 1000; tick++)
        {
            _time.Advance(MediaClock.Period);
            long before = GC.GetAllocatedBytesForCurrentThread();
            Receive(recorder, received, tick);
            Send(recorder, sent, tick);
            recorder.OnTick(tick);
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;

            // In real time the writer keeps up (a tick is 20 ms); this loop is faster, so let it catch up, or the
            // frame pool would keep growing towards the queue's size, which is its bound, not its steady state.
            int recorded = tick + 1;
            Assert.That(SpinWait.SpinUntil(() => recorder.FramesWritten + recorder.FramesDropped == recorded, TimeSpan.FromSeconds(5)), Is.True);
        }

        await recorder.DisposeAsync();
        Assert.That(allocated, Is.Zero);
        Assert.That(recorder.FramesWritten + recorder.FramesDropped, Is.EqualTo(1000));
    }

    [Test]
    public async Task Disposing_twice_is_harmless_and_later_ticks_record_nothing()
    {
        var recorder = Start(_folder.File("twice.wav"));
        recorder.OnTick(0);
        await recorder.DisposeAsync();
        recorder.OnTick(1);
        recorder.OnReceived(1, 160, false, new byte[160]);
        await recorder.DisposeAsync();

        Assert.That(recorder.FramesWritten, Is.EqualTo(1));
    }

    internal static void Receive(CallRecorder recorder, TonePackets packets, int index) =>
        recorder.OnReceived(packets.Sequence(index), packets.Timestamp(index), index == 0, packets.Payload(index));

    internal static void Send(CallRecorder recorder, TonePackets packets, int index) =>
        recorder.OnSent(packets.Sequence(index), packets.Timestamp(index), index == 0, packets.Payload(index));

    internal static async Task WaitUntil(Func<bool> condition)
    {
        for (int i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.That(condition(), Is.True, "condition not reached within 5 s");
    }

    private static double RoughFrequency(string soxStat)
    {
        string line = soxStat.Split('\n').Single(l => l.StartsWith("Rough   frequency:", StringComparison.Ordinal));
        return double.Parse(line.Split(':')[1].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private CallRecorder Start(string path, CallRecorderOptions? options = null) =>
        CallRecorder.Start(path, Pcmu, _clock, NullLogger<CallRecorder>.Instance, options ?? new CallRecorderOptions { Time = _time });

    /// <summary>Each tick: the packets that arrive in it, then 20 ms pass, then the clock ticks.</summary>
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
