using Softswitch.Calls.Media;
using Softswitch.Calls.Supervision;
using Softswitch.Media.Dtmf;
using Softswitch.Media.Legs;
using Softswitch.Media.Playback;
using Softswitch.Media.Recording;
using Softswitch.Media.Sdp;

namespace Softswitch.Calls.Bridging;

/// <summary>The two legs' media: started, bridged (relayed or transcoded), recorded, and music on hold for a held party.</summary>
public sealed partial class BridgedCall
{
    private MediaBridge? _bridge;
    private PromptPlayer? _callerMusic;
    private PromptPlayer? _calleeMusic;
    private CallRecorder? _recorder;
    private MediaLeg? _recordedMedia; // the leg the recorder taps: the caller's, or a callback's dialled party
    private DateTimeOffset _recordingStarted;

    /// <summary>Digit lines logged per call and window before they are summarised; a person dials far fewer.</summary>
    private const int DigitLinesPerWindow = 50;

    private RepeatedLineLimiter? _digitLog;

    private async ValueTask StartCalleeMediaAsync(CalleeLeg fork, NegotiationResult negotiated)
    {
        var media = await fork.StartMediaAsync(negotiated, _context.Media, fork.Session.Destination.Address.Address, _context.Time, _context.Loggers)
            .ConfigureAwait(false);
        _ = ReadDigitsAsync(fork, media);
    }

    /// <summary>The caller's media for its negotiated offer (our answer committed once), with the recorder as its tap.</summary>
    private async ValueTask StartCallerMediaAsync()
    {
        if (_caller.Media is not null) return;
        if (_caller.OfferAnswer.State == OfferAnswerState.OfferReceived) _caller.OfferAnswer.CreateAnswer();
        var media = await _caller.StartMediaAsync(_caller.Negotiated!, _context.Media, Inbound.Session.Flow.Address.Address, _context.Time,
            _context.Loggers).ConfigureAwait(false);
        if (Route.Record) StartRecording(media);
        _ = ReadDigitsAsync(_caller, media);
    }

    /// <summary>The call's stereo recording from now on, tapped on the caller's media (once: a second start is ignored).</summary>
    private void StartRecording(MediaLeg media)
    {
        if (_recorder is not null) return;
        var uuid = Uuid;
        _recorder = CallRecordings.Start(_context.Media, media.Codec, _context.Time, _context.Loggers, ref uuid, out _recordingStarted);
        Uuid = uuid;
        media.Tap = _recorder;
        _recordedMedia = media;
        LogRecording(CallId, _recorder.Path);
    }

    /// <summary>
    /// Joins the caller's media to the callee's that rings or answered, then lets both receive: a packet read before the
    /// bridge existed would have nowhere to go.
    /// </summary>
    private void Connect()
    {
        var callee = _answered ?? _earlyMedia;
        if (_bridge is null && _partyA.Media is { } a && callee?.Media is { } b) _bridge = MediaBridge.Connect(a, b, _context.Loggers);
        StartReceiving();
    }

    /// <summary>Every leg with media receives (a held leg too: its RTCP and its silence keep the watchdog informed).</summary>
    private void StartReceiving()
    {
        _partyA.StartReceiving();
        (_answered ?? _earlyMedia)?.StartReceiving();
    }

    private async ValueTask DropEarlyMediaAsync()
    {
        _bridge?.Disconnect();
        _bridge = null;
        if (_earlyMedia is { } early) await early.CloseMediaAsync().ConfigureAwait(false);
        _earlyMedia = null;
    }

    /// <summary>
    /// Hold from either side: the bridge is cut and the party that was put on hold hears music from the switch (as long as
    /// its own direction lets us send); on resume the music stops and the bridge is made again.
    /// </summary>
    private void UpdateHold()
    {
        if (_answered is not { } callee) return;
        var held = _partyA.Holding || callee.Holding;
        if (held)
        {
            _bridge?.Disconnect();
            _bridge = null;
            if (_partyA.Holding) _calleeMusic ??= PlayMusic(callee);
            if (callee.Holding) _callerMusic ??= PlayMusic(_partyA);
            LogHold(CallId, _partyA.Holding ? "caller" : "callee");
            return;
        }

        StopMusic();
        Connect();
        LogResumed(CallId);
    }

    private PromptPlayer? PlayMusic(CallLeg listener, string? musicClass = null)
    {
        if (listener.Media is not { } media) return null;
        musicClass ??= _context.MusicOnHold;
        if (PromptFiles.Resolve(_context.Media, "music/" + musicClass) is not { } path)
        {
            LogMusicMissing(CallId, musicClass);
            return null;
        }

        EncodedAudio music;
        try
        {
            music = _context.Media.Prompts.Get(path, media.Codec);
        }
        catch (PromptLoadException error)
        {
            LogMusicBroken(CallId, musicClass, error.Message);
            return null;
        }

        var player = new PromptPlayer(media, _context.Media.Clock);
        player.PlayLoop(music);
        return player;
    }

    private void StopMusic()
    {
        _callerMusic?.Stop();
        _calleeMusic?.Stop();
        _callerMusic = null;
        _calleeMusic = null;
    }

    /// <summary>
    /// Digits a leg hears (RFC 4733, INFO, in-band) are logged; RFC 4733 events and in-band tones already cross a bridge
    /// in its media.
    /// </summary>
    private async Task ReadDigitsAsync(CallLeg leg, MediaLeg media)
    {
        try
        {
            await foreach (var digit in media.Digits.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                LogDigitLimited(leg, digit);
                // An application's caller: the keys steer it (barge-in, the type-ahead buffer).
                if (leg == _caller && Volatile.Read(ref _channel) is { } channel) channel.OnDigit(digit.Digit);
                // The other party (a queue's agent) may pause and resume the recording by its codes.
                else if (leg != _caller) OnPartyKey(digit.Digit);
            }
        }
        catch (Exception error) when (error is OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
        }
        finally
        {
            int suppressed;
            lock (_digitLogGate) suppressed = _digitLog?.TakeSuppressed() ?? 0;
            if (suppressed > 0) LogDigitsSuppressed(CallId, suppressed);
        }
    }

    private readonly Lock _digitLogGate = new();

    /// <summary>
    /// One digit's line within the call's budget (a flood of DTMF cannot fill the disk), a summary of those left out
    /// when the next window opens; the legs' digit readers share it.
    /// </summary>
    private void LogDigitLimited(CallLeg leg, DtmfEvent digit)
    {
        bool logged;
        int suppressed;
        lock (_digitLogGate)
        {
            _digitLog ??= new RepeatedLineLimiter(DigitLinesPerWindow, TimeSpan.FromMinutes(1), _context.Time);
            logged = _digitLog.TryTake(out suppressed);
        }

        if (suppressed > 0) LogDigitsSuppressed(CallId, suppressed);
        if (logged) LogDigit(CallId, digit.Digit.ToChar(), digit.Source, (int)digit.Duration.TotalMilliseconds, leg.Role);
    }
}
