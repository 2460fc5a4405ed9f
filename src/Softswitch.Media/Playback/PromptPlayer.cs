using Softswitch.Media.Clock;
using Softswitch.Media.Dtmf;
using Softswitch.Media.Legs;

namespace Softswitch.Media.Playback;

/// <summary>
/// Plays encoded prompts and music on hold into one call leg, one 20 ms frame per tick of the shared
/// <see cref="MediaClock"/>. It is on the clock only while something plays, so an idle call costs no tick work.
/// A tick sends exactly one frame (a late clock never causes a burst) and allocates nothing. Tasks complete with
/// continuations run asynchronously, so the caller's code never runs on the clock thread. Thread-safe.
/// </summary>
public sealed class PromptPlayer : IMediaClockListener
{
    private readonly IMediaFrameOutput _output;
    private readonly MediaClock _clock;
    private readonly object _gate = new();

    // The current playback; _prompts is null when idle.
    private EncodedAudio[]? _prompts;
    private int _promptIndex;
    private int _frameIndex;
    private bool _looping;
    private bool _interruptible;
    private bool _markerPending;
    private int _framesPlayed;
    private TaskCompletionSource<PlaybackResult>? _completion;
    private CancellationTokenRegistration _cancellation;
    private long _generation;
    private bool _onClock;

    /// <summary>Creates a player sending to <paramref name="output"/> (the call leg), paced by <paramref name="clock"/>.</summary>
    public PromptPlayer(IMediaFrameOutput output, MediaClock clock)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(clock);
        _output = output;
        _clock = clock;
    }

    /// <summary>True while a prompt list or music is playing.</summary>
    public bool IsPlaying
    {
        get { lock (_gate) return _prompts is not null; }
    }

    /// <summary>True while music on hold (<see cref="PlayLoop"/>) is playing.</summary>
    public bool IsLooping
    {
        get { lock (_gate) return _prompts is not null && _looping; }
    }

    /// <summary>Plays one prompt; see <see cref="PlayAsync(IReadOnlyList{EncodedAudio}, bool, CancellationToken)"/>.</summary>
    public Task<PlaybackResult> PlayAsync(EncodedAudio prompt, bool interruptible = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return PlayAsync([prompt], interruptible, cancellationToken);
    }

    /// <summary>
    /// Plays <paramref name="prompts"/> back to back, replacing whatever was playing (its task ends
    /// <see cref="PlaybackOutcome.Stopped"/>). The first frame carries the RTP marker. The task ends when the last frame
    /// has been sent, on a DTMF barge-in (<see cref="Interrupt"/>, only when <paramref name="interruptible"/>), on
    /// <see cref="Stop"/>, or when <paramref name="cancellationToken"/> fires. It never faults for those reasons.
    /// </summary>
    /// <exception cref="ArgumentException">The prompts are in different codecs.</exception>
    public Task<PlaybackResult> PlayAsync(IReadOnlyList<EncodedAudio> prompts, bool interruptible = true, CancellationToken cancellationToken = default)
    {
        EncodedAudio[] list = Validate(prompts);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromResult(new PlaybackResult(PlaybackOutcome.Cancelled, 0));
        }

        var completion = new TaskCompletionSource<PlaybackResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (!Begin(list, looping: false, interruptible, completion))
            {
                return Task.FromResult(new PlaybackResult(PlaybackOutcome.Finished, 0));
            }

            if (cancellationToken.CanBeCanceled)
            {
                long generation = _generation;
                CancellationTokenRegistration registration = cancellationToken.Register(
                    static state =>
                    {
                        var (player, generation) = ((PromptPlayer, long))state!;
                        player.Cancel(generation);
                    },
                    (this, generation));

                // A token cancelled just now has already ended this playback inside Register.
                if (_generation == generation && _prompts is not null)
                {
                    _cancellation = registration;
                }
            }
        }

        return completion.Task;
    }

    /// <summary>
    /// Music on hold: plays <paramref name="music"/> in a loop until <see cref="Stop"/> or another play, with the
    /// marker only on the very first frame. DTMF does not interrupt it.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="music"/> has no frames.</exception>
    public void PlayLoop(EncodedAudio music)
    {
        ArgumentNullException.ThrowIfNull(music);
        if (music.FrameCount == 0)
        {
            throw new ArgumentException($"{music.Source} has no frames to loop.", nameof(music));
        }

        lock (_gate)
        {
            Begin([music], looping: true, interruptible: false, completion: null);
        }
    }

    /// <summary>
    /// DTMF barge-in: ends an interruptible playback, completing its task as <see cref="PlaybackOutcome.Interrupted"/>
    /// with <paramref name="digit"/>. No frame is sent after this returns true.
    /// </summary>
    /// <returns>False when nothing interruptible was playing (idle, music on hold, or a non-interruptible prompt).</returns>
    public bool Interrupt(DtmfDigit digit)
    {
        lock (_gate)
        {
            if (_prompts is null || !_interruptible)
            {
                return false;
            }

            End(PlaybackOutcome.Interrupted, digit);
            return true;
        }
    }

    /// <summary>Stops whatever plays (its task ends <see cref="PlaybackOutcome.Stopped"/>); nothing is sent after this returns.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            if (_prompts is not null)
            {
                End(PlaybackOutcome.Stopped, null);
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>Sends one frame whatever <paramref name="tick"/> says: frames the clock skipped are not owed.</remarks>
    public void OnTick(long tick)
    {
        lock (_gate)
        {
            if (_prompts is null)
            {
                return;
            }

            EncodedAudio audio = _prompts[_promptIndex];
            try
            {
                _output.SendFrame(audio.GetFrame(_frameIndex), audio.SamplesPerFrame, _markerPending);
            }
            catch (Exception error)
            {
                // A broken output is a bug: fail the caller's task and let the clock log and drop us.
                TaskCompletionSource<PlaybackResult>? completion = _completion;
                _completion = null;
                End(PlaybackOutcome.Stopped, null);
                completion?.TrySetException(error);
                throw;
            }

            _markerPending = false;
            _framesPlayed++;
            _frameIndex++;
            if (!SeekPlayableFrame())
            {
                End(PlaybackOutcome.Finished, null);
            }
        }
    }

    private static EncodedAudio[] Validate(IReadOnlyList<EncodedAudio> prompts)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        var list = new EncodedAudio[prompts.Count];
        for (int i = 0; i < list.Length; i++)
        {
            list[i] = prompts[i] ?? throw new ArgumentException($"Prompt {i} is null.", nameof(prompts));
            if (!list[i].IsEncodedAs(list[0].EncodingName, list[0].ClockRate))
            {
                throw new ArgumentException($"Prompt {list[i]} is not in {list[0].CodecKey} like the first one.", nameof(prompts));
            }
        }

        return list;
    }

    /// <summary>Replaces the current playback; false (and idle) when there is no frame to play. Caller holds the gate.</summary>
    private bool Begin(EncodedAudio[] prompts, bool looping, bool interruptible, TaskCompletionSource<PlaybackResult>? completion)
    {
        if (_prompts is not null)
        {
            End(PlaybackOutcome.Stopped, null);
        }

        _generation++;
        _prompts = prompts;
        _promptIndex = 0;
        _frameIndex = 0;
        _looping = looping;
        _interruptible = interruptible;
        _markerPending = true;
        _framesPlayed = 0;
        _completion = completion;
        if (prompts.Length == 0 || !SeekPlayableFrame())
        {
            _prompts = null;
            _completion = null;
            return false;
        }

        if (!_onClock)
        {
            _clock.Add(this);
            _onClock = true;
        }

        return true;
    }

    /// <summary>Moves past empty prompts and ends of prompts; false when the list is over. Caller holds the gate.</summary>
    private bool SeekPlayableFrame()
    {
        EncodedAudio[] prompts = _prompts!;
        int wraps = 0;
        while (_frameIndex >= prompts[_promptIndex].FrameCount)
        {
            _frameIndex = 0;
            _promptIndex++;
            if (_promptIndex == prompts.Length)
            {
                // A second wrap in one seek means every prompt is empty.
                if (!_looping || ++wraps > 1)
                {
                    return false;
                }

                _promptIndex = 0;
            }
        }

        return true;
    }

    private void Cancel(long generation)
    {
        lock (_gate)
        {
            if (_generation == generation && _prompts is not null)
            {
                End(PlaybackOutcome.Cancelled, null);
            }
        }
    }

    /// <summary>Ends the current playback and leaves the clock. Caller holds the gate.</summary>
    private void End(PlaybackOutcome outcome, DtmfDigit? digit)
    {
        TaskCompletionSource<PlaybackResult>? completion = _completion;
        var result = new PlaybackResult(outcome, _framesPlayed, digit);

        // Unregister, not Dispose: Dispose would wait for a running cancel callback that is waiting for our gate.
        _cancellation.Unregister();
        _cancellation = default;
        _prompts = null;
        _completion = null;
        _looping = false;
        if (_onClock)
        {
            _clock.Remove(this);
            _onClock = false;
        }

        completion?.TrySetResult(result);
    }
}
