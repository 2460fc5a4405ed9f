using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Media.Clock;
using Softswitch.Media.Dtmf;
using Softswitch.Media.Playback;
using Softswitch.Media.Tests.Playback.Support;

namespace Softswitch.Media.Tests.Playback;

public sealed class PromptPlayerTests
{
    [ThreadStatic]
    private static bool _insideTick;

    private MediaClock _clock = null!;
    private RecordingFrameOutput _output = null!;
    private PromptPlayer _player = null!;
    private long _tick;

    [SetUp]
    public void CreatePlayer()
    {
        // Not started: the tests tick the player by hand and read the clock's listener list.
        _clock = new MediaClock(new FakeTimeProvider(), NullLogger<MediaClock>.Instance);
        _output = new RecordingFrameOutput();
        _player = new PromptPlayer(_output, _clock);
    }

    [TearDown]
    public async Task DisposeClock() => await _clock.DisposeAsync();

    private void Tick(int count = 1)
    {
        for (int i = 0; i < count; i++)
        {
            _player.OnTick(_tick++);
        }
    }

    private int[] SentIndexes(byte prompt) => _output.Frames.Where(f => f.Prompt == prompt).Select(f => f.Index).ToArray();

    [Test]
    public async Task Frames_go_out_in_order_one_per_tick_with_the_marker_only_on_the_first()
    {
        Task<PlaybackResult> playing = _player.PlayAsync(TestAudio.Numbered(1, 4));

        Tick(3);
        Assert.That(playing.IsCompleted, Is.False);
        Tick();

        Assert.That(SentIndexes(1), Is.EqualTo(new[] { 0, 1, 2, 3 }));
        Assert.That(_output.Frames.Select(f => f.Marker), Is.EqualTo(new[] { true, false, false, false }));
        Assert.That(_output.Frames.Select(f => f.Samples), Is.All.EqualTo(160));
        Assert.That(await playing, Is.EqualTo(new PlaybackResult(PlaybackOutcome.Finished, 4)));
    }

    [Test]
    public async Task A_list_plays_back_to_back_and_nothing_follows_it()
    {
        Task<PlaybackResult> playing = _player.PlayAsync([TestAudio.Numbered(1, 3), TestAudio.Numbered(2, 2)]);

        Tick(8);

        Assert.That(_output.Frames.Select(f => (f.Prompt, f.Index)), Is.EqualTo(new[] { ((byte)1, 0), ((byte)1, 1), ((byte)1, 2), ((byte)2, 0), ((byte)2, 1) }));
        Assert.That(_output.Frames.Count(f => f.Marker), Is.EqualTo(1));
        PlaybackResult result = await playing;
        Assert.That(result.Outcome, Is.EqualTo(PlaybackOutcome.Finished));
        Assert.That(result.FramesPlayed, Is.EqualTo(5));
        Assert.That(result.Played, Is.EqualTo(TimeSpan.FromMilliseconds(100)));
    }

    [Test]
    public async Task The_player_is_on_the_clock_only_while_it_plays()
    {
        Assert.That(_clock.ListenerCount, Is.EqualTo(0));

        Task<PlaybackResult> playing = _player.PlayAsync(TestAudio.Numbered(1, 2));
        Assert.That(_clock.ListenerCount, Is.EqualTo(1));
        Assert.That(_player.IsPlaying, Is.True);

        Tick(2);
        await playing;
        Assert.That(_clock.ListenerCount, Is.EqualTo(0));
        Assert.That(_player.IsPlaying, Is.False);

        _player.PlayLoop(TestAudio.Numbered(2, 2));
        _player.PlayAsync(TestAudio.Numbered(3, 2)).Ignore();
        Assert.That(_clock.ListenerCount, Is.EqualTo(1), "replacing a playback does not add the player twice");
        _player.Stop();
        Assert.That(_clock.ListenerCount, Is.EqualTo(0));
    }

    [Test]
    public async Task Interrupt_ends_the_playback_with_the_digit_and_no_more_frames()
    {
        Task<PlaybackResult> playing = _player.PlayAsync([TestAudio.Numbered(1, 10), TestAudio.Numbered(2, 10)]);
        Tick(3);

        bool interrupted = _player.Interrupt(DtmfDigit.Pound);
        Tick(5);

        Assert.That(interrupted, Is.True);
        Assert.That(await playing, Is.EqualTo(new PlaybackResult(PlaybackOutcome.Interrupted, 3, DtmfDigit.Pound)));
        Assert.That(_output.Frames, Has.Count.EqualTo(3));
        Assert.That(_clock.ListenerCount, Is.EqualTo(0));
        Assert.That(_player.Interrupt(DtmfDigit.One), Is.False, "nothing is playing any more");
    }

    [Test]
    public async Task A_non_interruptible_prompt_ignores_digits()
    {
        Task<PlaybackResult> playing = _player.PlayAsync(TestAudio.Numbered(1, 5), interruptible: false);
        Tick(2);

        Assert.That(_player.Interrupt(DtmfDigit.Five), Is.False);
        Tick(3);

        Assert.That(await playing, Is.EqualTo(new PlaybackResult(PlaybackOutcome.Finished, 5)));
        Assert.That(SentIndexes(1), Is.EqualTo(new[] { 0, 1, 2, 3, 4 }));
    }

    [Test]
    public void Music_on_hold_loops_with_one_marker_until_stopped()
    {
        _player.PlayLoop(TestAudio.Numbered(7, 3));

        Tick(7);
        Assert.That(_player.Interrupt(DtmfDigit.Star), Is.False, "digits do not stop music on hold");
        Tick();
        _player.Stop();
        Tick(4);

        Assert.That(SentIndexes(7), Is.EqualTo(new[] { 0, 1, 2, 0, 1, 2, 0, 1 }));
        Assert.That(_output.Frames.Select(f => f.Marker).ToArray(), Is.EqualTo(new[] { true, false, false, false, false, false, false, false }));
        Assert.That(_player.IsPlaying, Is.False);
        Assert.That(_clock.ListenerCount, Is.EqualTo(0));
    }

    [Test]
    public async Task Stop_ends_a_prompt_as_stopped()
    {
        Task<PlaybackResult> playing = _player.PlayAsync(TestAudio.Numbered(1, 10));
        Tick(4);

        _player.Stop();
        Tick(2);

        Assert.That(await playing, Is.EqualTo(new PlaybackResult(PlaybackOutcome.Stopped, 4)));
        Assert.That(_output.Frames, Has.Count.EqualTo(4));
    }

    [Test]
    public async Task A_new_play_replaces_the_current_one_and_starts_with_a_marker()
    {
        Task<PlaybackResult> first = _player.PlayAsync(TestAudio.Numbered(1, 10));
        Tick(2);

        Task<PlaybackResult> second = _player.PlayAsync(TestAudio.Numbered(2, 2));
        Tick(3);

        Assert.That(await first, Is.EqualTo(new PlaybackResult(PlaybackOutcome.Stopped, 2)));
        Assert.That(await second, Is.EqualTo(new PlaybackResult(PlaybackOutcome.Finished, 2)));
        Assert.That(_output.Frames.Select(f => (f.Prompt, f.Marker)), Is.EqualTo(new[] { ((byte)1, true), ((byte)1, false), ((byte)2, true), ((byte)2, false) }));
    }

    [Test]
    public async Task Music_replaced_by_a_prompt_stops_looping()
    {
        _player.PlayLoop(TestAudio.Numbered(7, 2));
        Tick(3);

        Task<PlaybackResult> prompt = _player.PlayAsync(TestAudio.Numbered(1, 2));
        Tick(4);

        Assert.That(await prompt, Is.EqualTo(new PlaybackResult(PlaybackOutcome.Finished, 2)));
        Assert.That(_output.Frames.Select(f => f.Prompt), Is.EqualTo(new byte[] { 7, 7, 7, 1, 1 }));
    }

    [Test]
    public async Task Cancelling_the_token_ends_the_playback_as_cancelled()
    {
        using var cancellation = new CancellationTokenSource();
        Task<PlaybackResult> playing = _player.PlayAsync(TestAudio.Numbered(1, 10), cancellationToken: cancellation.Token);
        Tick(3);

        await cancellation.CancelAsync();
        Tick(3);

        Assert.That(await playing, Is.EqualTo(new PlaybackResult(PlaybackOutcome.Cancelled, 3)));
        Assert.That(_output.Frames, Has.Count.EqualTo(3));
        Assert.That(_clock.ListenerCount, Is.EqualTo(0));
    }

    [Test]
    public async Task A_cancelled_token_from_an_earlier_play_does_not_end_a_later_one()
    {
        using var cancellation = new CancellationTokenSource();
        Task<PlaybackResult> first = _player.PlayAsync(TestAudio.Numbered(1, 2), cancellationToken: cancellation.Token);
        Tick(2);
        await first;

        Task<PlaybackResult> second = _player.PlayAsync(TestAudio.Numbered(2, 3));
        await cancellation.CancelAsync();
        Tick(3);

        Assert.That(await second, Is.EqualTo(new PlaybackResult(PlaybackOutcome.Finished, 3)));
    }

    [Test]
    public async Task An_already_cancelled_token_plays_nothing()
    {
        PlaybackResult result = await _player.PlayAsync(TestAudio.Numbered(1, 3), cancellationToken: new CancellationToken(canceled: true));
        Tick(2);

        Assert.That(result, Is.EqualTo(new PlaybackResult(PlaybackOutcome.Cancelled, 0)));
        Assert.That(_output.Frames, Is.Empty);
        Assert.That(_clock.ListenerCount, Is.EqualTo(0));
    }

    [Test]
    public async Task An_empty_list_finishes_at_once_without_joining_the_clock()
    {
        PlaybackResult result = await _player.PlayAsync([TestAudio.Numbered(1, 0)]);

        Assert.That(result, Is.EqualTo(new PlaybackResult(PlaybackOutcome.Finished, 0)));
        Assert.That(_clock.ListenerCount, Is.EqualTo(0));
    }

    [Test]
    public void Prompts_in_different_codecs_are_refused()
    {
        Assert.Throws<ArgumentException>(() => _player.PlayAsync([TestAudio.Numbered(1, 2), TestAudio.Numbered(2, 2, "opus", 48000)]));
        Assert.That(_clock.ListenerCount, Is.EqualTo(0));
    }

    [Test]
    public void Skipped_ticks_do_not_cause_a_burst()
    {
        _player.PlayAsync(TestAudio.Numbered(1, 10)).Ignore();

        _player.OnTick(0);
        _player.OnTick(40);

        Assert.That(SentIndexes(1), Is.EqualTo(new[] { 0, 1 }));
    }

    [Test]
    public async Task Opus_frames_carry_960_samples()
    {
        Task<PlaybackResult> playing = _player.PlayAsync(TestAudio.Numbered(1, 2, "opus", 48000));
        Tick(2);
        await playing;

        Assert.That(_output.Frames.Select(f => f.Samples), Is.All.EqualTo(960));
    }

    [Test]
    public async Task The_callers_continuation_never_runs_inside_the_tick()
    {
        Task<PlaybackResult> playing = _player.PlayAsync(TestAudio.Numbered(1, 1));
        Task<bool> ranInsideTick = playing.ContinueWith(_ => _insideTick, TaskContinuationOptions.ExecuteSynchronously);

        _insideTick = true;
        try
        {
            Tick();
        }
        finally
        {
            _insideTick = false;
        }

        Assert.That(await ranInsideTick, Is.False);
    }

    [Test]
    public void A_tick_allocates_nothing()
    {
        _player.PlayLoop(TestAudio.Numbered(1, 37));
        Tick(100);
        _player.PlayAsync(TestAudio.Numbered(2, 3000)).Ignore();
        Tick(100);

        long before = GC.GetAllocatedBytesForCurrentThread();
        Tick(1000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(allocated, Is.EqualTo(0));
        Assert.That(_output.Frames, Has.Count.EqualTo(1200));
    }

    [Test]
    public async Task A_running_media_clock_paces_the_prompt_and_lets_go_at_the_end()
    {
        var time = new FakeTimeProvider();
        await using var clock = new MediaClock(time, NullLogger<MediaClock>.Instance);
        var output = new RecordingFrameOutput();
        var player = new PromptPlayer(output, clock);
        clock.Start();

        Task<PlaybackResult> playing = player.PlayAsync(TestAudio.Numbered(1, 5));

        // Small steps, letting the loop run between them: a coarse jump could land before the loop arms its next delay.
        for (int step = 0; step < 2000 && !playing.IsCompleted; step++)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
            await Task.Delay(1);
        }

        Assert.That(playing.IsCompleted, Is.True, "the prompt did not finish within 2 s of clock time");
        Assert.That((await playing).FramesPlayed, Is.EqualTo(5));
        Assert.That(output.Frames.Select(f => f.Index), Is.EqualTo(new[] { 0, 1, 2, 3, 4 }));
        Assert.That(clock.ListenerCount, Is.EqualTo(0));
    }
}
