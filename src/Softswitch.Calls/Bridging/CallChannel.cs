using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Softswitch.Calls.Media;
using Softswitch.Calls.Records;
using Softswitch.Channels;
using Softswitch.Media.Dtmf;
using Softswitch.Media.Legs;
using Softswitch.Media.Playback;

namespace Softswitch.Calls.Bridging;

/// <summary>
/// The caller's side of a call the switch answered for an application: prompts and music through one player on the
/// caller's media, the caller's keys (read once by the call, handed here: barge-in and the type-ahead buffer), and the
/// commands that change the call (bridge, hang up), posted to the call's mailbox. The application's flow calls it;
/// the call's loop never waits for it.
/// </summary>
internal sealed partial class CallChannel : ICallChannel, ILocalMediaChannel
{
    /// <summary>Keys kept for the next collect; a flood beyond this drops the oldest.</summary>
    private const int TypeAheadKeys = 64;

    private readonly BridgedCall _call;
    private readonly CallMediaOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<CallChannel> _logger;
    private readonly PromptPlayer _player;
    private readonly Channel<char> _typeAhead = Channel.CreateBounded<char>(new BoundedChannelOptions(TypeAheadKeys)
    {
        FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true,
    });
    private readonly CancellationTokenSource _hungUp = new();
    private readonly ConcurrentDictionary<string, string> _fields = new(StringComparer.Ordinal);

    /// <summary>Guards <see cref="_inConversation"/> together with starting the player, so nothing starts once a party answered.</summary>
    private readonly Lock _audioGate = new();

    /// <summary>An application's bridge is answered: the caller hears the other party, never the application's audio.</summary>
    private bool _inConversation;

    public CallChannel(BridgedCall call, MediaLeg media, CallMediaOptions options, TimeProvider time, ILoggerFactory loggers)
    {
        _call = call;
        Media = media;
        _options = options;
        _time = time;
        Loggers = loggers;
        _logger = loggers.CreateLogger<CallChannel>();
        _player = new PromptPlayer(media, options.Clock);
        Language = options.DefaultLanguage;
        Origin = new CallOrigin(call.Source.IsTrunk ? CallOriginKind.Trunk
            : call.Source.Kind == CallSourceKinds.Switch ? CallOriginKind.Switch : CallOriginKind.Extension, call.Source.Name);
    }

    public string CallUuid => _call.Uuid;

    public string Caller => _call.Caller;

    public string? CallerName => _call.CallerName;

    public string Dialled => _call.Dialled;

    public CallOrigin Origin { get; }

    public string Language { get; set; }

    public CancellationToken HungUp => _hungUp.Token;

    public MediaLeg Media { get; }

    public ILoggerFactory Loggers { get; }

    /// <summary>The fields the application set, for the call's row.</summary>
    public IReadOnlyDictionary<string, string> RecordFields => _fields;

    public async Task<PlayResult> PlayAsync(IReadOnlyList<Prompt> prompts, bool bargeIn, CancellationToken cancellationToken = default)
    {
        if (HungUp.IsCancellationRequested || cancellationToken.IsCancellationRequested) return new PlayResult(PlayOutcome.HungUp);
        // A key typed ahead answers the question before it is asked: the prompt is skipped.
        if (bargeIn && _typeAhead.Reader.TryPeek(out var typed)) return new PlayResult(PlayOutcome.Interrupted, typed);
        var audio = new List<EncodedAudio>(prompts.Count);
        foreach (var prompt in prompts)
        {
            if (Load(prompt) is { } encoded) audio.Add(encoded);
        }

        if (audio.Count == 0) return new PlayResult(PlayOutcome.Finished);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(HungUp, cancellationToken);
        Task<PlaybackResult> playing;
        lock (_audioGate)
        {
            if (_inConversation) return new PlayResult(PlayOutcome.Finished);
            playing = _player.PlayAsync(audio, bargeIn, linked.Token);
        }

        var result = await playing.ConfigureAwait(false);
        return result.Outcome switch
        {
            PlaybackOutcome.Finished => new PlayResult(PlayOutcome.Finished),
            PlaybackOutcome.Interrupted => new PlayResult(PlayOutcome.Interrupted, result.Digit?.ToChar()),
            _ when linked.IsCancellationRequested => new PlayResult(PlayOutcome.HungUp),
            _ => new PlayResult(PlayOutcome.Finished), // stopped by music or a bridge the application asked for
        };
    }

    public async Task<DigitsResult> CollectDigitsAsync(DigitCollection collection, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(collection.MaxDigits, 1);
        var digits = new System.Text.StringBuilder(collection.MaxDigits);
        var timeout = collection.FirstDigitTimeout;
        while (true)
        {
            if (HungUp.IsCancellationRequested || cancellationToken.IsCancellationRequested) return new DigitsResult(digits.ToString(), DigitsOutcome.HungUp);
            if (!_typeAhead.Reader.TryRead(out var key))
            {
                using var wait = new CancellationTokenSource(timeout, _time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(wait.Token, HungUp, cancellationToken);
                try
                {
                    // Cancelling a channel read takes nothing from it: a key arriving at the timeout stays for the next collect.
                    key = await _typeAhead.Reader.ReadAsync(linked.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return wait.IsCancellationRequested && !HungUp.IsCancellationRequested && !cancellationToken.IsCancellationRequested
                        ? new DigitsResult(digits.ToString(), DigitsOutcome.TimedOut)
                        : new DigitsResult(digits.ToString(), DigitsOutcome.HungUp);
                }
            }

            if (collection.Terminators.Contains(key)) return new DigitsResult(digits.ToString(), DigitsOutcome.Terminated, key);
            digits.Append(key);
            if (digits.Length >= collection.MaxDigits) return new DigitsResult(digits.ToString(), DigitsOutcome.Complete);
            timeout = collection.InterDigitTimeout;
        }
    }

    public void ClearTypeAhead()
    {
        while (_typeAhead.Reader.TryRead(out _))
        {
        }
    }

    public Task<RecordResult> RecordAsync(RecordRequest request, CancellationToken cancellationToken = default) =>
        MessageRecording.RecordAsync(this, request, cancellationToken);

    public void StartMusic(string musicClass = "default")
    {
        if (Load(Prompt.Named("music/" + musicClass)) is not { } music) return;
        lock (_audioGate)
        {
            if (!_inConversation) _player.PlayLoop(music);
        }
    }

    public void StopMusic()
    {
        if (_player.IsLooping) _player.Stop();
    }

    public void Silence() => _player.Stop();

    public async Task<BridgeResult> BridgeAsync(BridgeRequest request, CancellationToken cancellationToken = default)
    {
        if (HungUp.IsCancellationRequested) return new BridgeResult(BridgeOutcome.CallerHungUp);
        if (!request.KeepApplicationAudio) Silence();
        var done = new TaskCompletionSource<BridgeResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _call.Post(new BridgeRequested(request, done));
        var result = await done.Task.ConfigureAwait(false);
        ClearTypeAhead(); // keys pressed to the other party were theirs
        return result;
    }

    public void Hangup() => _call.Post(new HangupRequested(HangupCauses.Normal, null));

    public void SetRecordField(string name, string value) => _fields[name] = value;

    /// <summary>A key the caller pressed (the call's digit reader): kept for the next collect, and it stops a barge-in prompt.</summary>
    internal void OnDigit(DtmfDigit digit)
    {
        _typeAhead.Writer.TryWrite(digit.ToChar());
        if (_player.Interrupt(digit)) LogBargeIn(_call.CallId, digit.ToChar());
    }

    /// <summary>
    /// The application's bridge was answered (the call's loop, before the media bridge connects): the application's
    /// prompt or music stops at once, and nothing it plays is heard until <see cref="LeaveConversation"/>.
    /// </summary>
    internal void EnterConversation()
    {
        lock (_audioGate)
        {
            _inConversation = true;
            _player.Stop();
        }
    }

    /// <summary>The application's bridge is over: the caller is back with the application and hears what it plays.</summary>
    internal void LeaveConversation()
    {
        lock (_audioGate) _inConversation = false;
    }

    /// <summary>The caller is gone (the call's loop): every wait of the application ends.</summary>
    internal void MarkHungUp()
    {
        _player.Stop();
        _ = _hungUp.CancelAsync();
    }

    /// <summary>Keys the caller presses from now on (the message recorder watches for its stop keys).</summary>
    internal ChannelReader<char> Keys => _typeAhead.Reader;

    internal TimeProvider Time => _time;

    internal CallMediaOptions Options => _options;

    internal PromptPlayer Player => _player;

    /// <summary>A prompt in the call's codec, or null (logged) when it is missing or broken: the call goes on without it.</summary>
    internal EncodedAudio? Load(Prompt prompt)
    {
        var path = prompt.File ?? PromptFiles.Resolve(_options, prompt.Name ?? "", prompt.Language ?? Language);
        if (path is null || !_options.Prompts.Exists(path))
        {
            LogPromptMissing(_call.CallId, prompt.ToString(), prompt.Language ?? Language);
            return null;
        }

        try
        {
            return _options.Prompts.Get(path, Media.Codec);
        }
        catch (PromptLoadException error)
        {
            LogPromptBroken(_call.CallId, prompt.ToString(), error.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: prompt interrupted by DTMF {Digit}")]
    private partial void LogBargeIn(string callId, char digit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{CallId}: prompt {Prompt} ({Language}) not found; skipped")]
    private partial void LogPromptMissing(string callId, string prompt, string language);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{CallId}: prompt {Prompt} cannot be played: {Error}")]
    private partial void LogPromptBroken(string callId, string prompt, string error);
}
