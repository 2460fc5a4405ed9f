using Softswitch.Calls.Routing;
using Softswitch.Calls.Tests.Support;
using Softswitch.Media.Audio;
using Softswitch.Media.Recording;

namespace Softswitch.Calls.Tests.Legs;

/// <summary>
/// <c>record: true</c>: a stereo WAV under the recordings folder with the caller on the left and what we sent on the
/// right. A music call makes the two sides different sounds: the phone sends 1 kHz, the music is 400 Hz.
/// </summary>
public sealed class InboundCallRecordingTests
{
    private const string RecordedMusic = "*48";
    private const string UnrecordedMusic = "*49";
    private const double PhoneHertz = 1000;
    private const double MusicHertz = 400;

    /// <summary>How loud a 20 ms frame must be to count as sound rather than silence.</summary>
    private const double SoundRms = 1000;

    private CallSwitch _switch = null!;
    private RtpPhone _phone = null!;

    [SetUp]
    public void SetUp()
    {
        _switch = new CallSwitch(
            new DialPlanRoute(RecordedMusic, RouteTarget.Music, "default", Record: true),
            new DialPlanRoute(UnrecordedMusic, RouteTarget.Music, "default"));
        _switch.WriteTone("music/default", MusicHertz, TimeSpan.FromSeconds(2));
        _phone = new RtpPhone();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _phone.DisposeAsync();
        await _switch.DisposeAsync();
    }

    [Test]
    public async Task A_recorded_call_leaves_a_stereo_wav_with_the_caller_left_and_our_audio_right()
    {
        var call = await TalkAsync(RecordedMusic, TimeSpan.FromSeconds(1.5));

        var files = Directory.GetFiles(_switch.RecordingsFolder, "*.wav", SearchOption.AllDirectories);
        var row = _switch.Recordings.All.Single();
        Assert.That(files, Is.EqualTo(new[] { RecordingPaths.For(_switch.RecordingsFolder, row.CallUuid, _switch.Time.GetUtcNow()) }),
            "one file, at yyyy/MM/dd/yyyyMMdd-HHmmss-<call uuid>.wav");
        Assert.That(Path.Combine(_switch.RecordingsFolder, row.RelativePath), Is.EqualTo(files[0]));
        Assert.That(row.CallId, Is.EqualTo(call.CallId));
        Assert.That((row.Caller, row.Dialled, row.Channels, row.SampleRate), Is.EqualTo(("1001", RecordedMusic, 2, 8000)));
        Assert.That(row.Duration, Is.GreaterThan(TimeSpan.FromSeconds(1)));
        var recording = WavReader.ReadAll(files[0]);
        Assert.That(recording.Format.Channels, Is.EqualTo(2));
        Assert.That(recording.Format.SampleRate, Is.EqualTo(8000));
        Assert.That(recording.Format.BitsPerSample, Is.EqualTo(16));

        var (left, right) = Split(recording.Samples);
        var leftFrames = LoudFrames(left);
        var rightFrames = LoudFrames(right);
        // 75 frames were sent and the music played the whole time; allow for the edges of the call.
        Assert.That(leftFrames, Has.Count.GreaterThanOrEqualTo(50), "the phone's audio is on the left");
        Assert.That(rightFrames, Has.Count.GreaterThanOrEqualTo(50), "our music is on the right");
        Assert.That(leftFrames.Count(f => TestAudio.ShareAt(f, PhoneHertz) > 0.8), Is.GreaterThanOrEqualTo(leftFrames.Count * 9 / 10),
            "left: the phone's 1 kHz");
        Assert.That(leftFrames.Where(f => TestAudio.ShareAt(f, MusicHertz) > 0.2), Is.Empty, "left: no music");
        Assert.That(rightFrames.Count(f => TestAudio.ShareAt(f, MusicHertz) > 0.8), Is.GreaterThanOrEqualTo(rightFrames.Count * 9 / 10),
            "right: the 400 Hz music");
        Assert.That(rightFrames.Where(f => TestAudio.ShareAt(f, PhoneHertz) > 0.2), Is.Empty, "right: not the phone");
    }

    [Test]
    public async Task Two_calls_with_the_same_call_id_leave_two_files_and_the_first_is_not_truncated()
    {
        const string reused = "victim-call@phone.test";
        await TalkAsync(RecordedMusic, TimeSpan.FromSeconds(1), reused);
        var first = Directory.GetFiles(_switch.RecordingsFolder, "*.wav", SearchOption.AllDirectories).Single();
        var firstFrames = WavReader.ReadAll(first).Samples.Length;

        await TalkAsync(RecordedMusic, TimeSpan.FromSeconds(0.3), reused);

        var files = Directory.GetFiles(_switch.RecordingsFolder, "*.wav", SearchOption.AllDirectories);
        Assert.That(files, Has.Length.EqualTo(2));
        Assert.That(WavReader.ReadAll(first).Samples.Length, Is.EqualTo(firstFrames), "the first call's recording is untouched");
        var rows = _switch.Recordings.All;
        Assert.That(rows.Select(r => r.CallId), Is.EqualTo(new[] { reused, reused }));
        Assert.That(rows.Select(r => Path.Combine(_switch.RecordingsFolder, r.RelativePath)), Is.EquivalentTo(files));
        Assert.That(rows[0].CallUuid, Is.Not.EqualTo(rows[1].CallUuid));
    }

    [Test]
    public async Task A_call_on_a_route_without_record_leaves_no_file()
    {
        await TalkAsync(UnrecordedMusic, TimeSpan.FromSeconds(0.3));

        Assert.That(Directory.GetFiles(_switch.RecordingsFolder, "*", SearchOption.AllDirectories), Is.Empty);
        Assert.That(_switch.Recordings.All, Is.Empty);
    }

    /// <summary>A call on which the phone sends a 1 kHz tone, paced like a phone, for <paramref name="length"/>; then BYE.</summary>
    private async Task<SipCall> TalkAsync(string dialled, TimeSpan length, string? callId = null)
    {
        var call = new SipCall(_switch, "1001", dialled, callId: callId);
        var ok = await call.CallAsync(PhoneSdp.Create(_phone, 1));
        Assert.That(ok.StatusCode, Is.EqualTo(200));
        call.Ack();
        _phone.Remote = PhoneSdp.MediaEndPoint(ok.Body);
        await _phone.WaitForCountAsync(5); // the music is on, so recording has started

        using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        var frames = (int)(length.TotalMilliseconds / 20);
        for (var i = 0; i < frames; i++)
        {
            _phone.SendAudio(TestAudio.PcmuSineFrame(PhoneHertz, i));
            await pace.WaitForNextTickAsync();
        }

        // Let the recorder's jitter buffer play out the last frames before the call ends.
        await Task.Delay(200);
        Assert.That((await call.ByeAsync()).StatusCode, Is.EqualTo(200));
        // The recorder is closed before the ports go back.
        await _switch.WaitForPortsReleasedAsync();
        return call;
    }

    private static (short[] Left, short[] Right) Split(short[] interleaved)
    {
        var left = new short[interleaved.Length / 2];
        var right = new short[interleaved.Length / 2];
        for (var i = 0; i < left.Length; i++)
        {
            left[i] = interleaved[2 * i];
            right[i] = interleaved[(2 * i) + 1];
        }

        return (left, right);
    }

    /// <summary>The 20 ms frames (on the recording's own 160-sample grid) that carry sound.</summary>
    private static List<short[]> LoudFrames(short[] channel) =>
        channel.Chunk(TestAudio.FrameSamples)
            .Where(frame => frame.Length == TestAudio.FrameSamples && TestAudio.Rms(frame) > SoundRms)
            .ToList();
}
