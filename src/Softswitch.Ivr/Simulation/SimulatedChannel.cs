using System.Text;
using Softswitch.Channels;
using Softswitch.Ivr.Runtime;

namespace Softswitch.Ivr.Simulation;

/// <summary>
/// A call driven by a <see cref="KeyScript"/> on a <see cref="SimulationClock"/>: it behaves as the call layer's
/// channel does (type-ahead, barge-in, first-key and inter-digit timeouts) and writes each thing the caller would hear
/// or do to the trace. The flow simulator and the unit tests run flows on it.
/// </summary>
public sealed class SimulatedChannel(KeyScript script, SimulationClock clock, IFlowTrace trace) : ICallChannel
{
    private readonly StringBuilder _typeAhead = new();
    private readonly CancellationTokenSource _hungUp = new();
    private readonly Dictionary<string, string> _recordFields = new(StringComparer.Ordinal);
    private readonly List<Prompt> _played = [];

    public string CallUuid { get; init; } = "simulated-call";

    public string Caller { get; init; } = "60123456789";

    public string? CallerName { get; init; }

    public string Dialled { get; init; } = "500";

    public CallOrigin Origin { get; init; } = new(CallOriginKind.Trunk, "simulator");

    public string Language { get; set; } = "en";

    public CancellationToken HungUp => _hungUp.Token;

    /// <summary>How a transfer to a number goes; a number not listed answers and the caller talks 30 s, then hangs up.</summary>
    public Dictionary<string, BridgeResult> BridgeOutcomes { get; } = new(StringComparer.Ordinal);

    /// <summary>How long a prompt plays on the simulated clock (zero unless set).</summary>
    public Func<Prompt, TimeSpan> PromptLength { get; init; } = _ => TimeSpan.Zero;

    /// <summary>Every prompt played, in order.</summary>
    public IReadOnlyList<Prompt> Played => _played;

    /// <summary>The fields the flow added to the call record.</summary>
    public IReadOnlyDictionary<string, string> RecordFields => _recordFields;

    /// <summary>True when the flow hung up (rather than the caller).</summary>
    public bool HungUpBySwitch { get; private set; }

    public Task<PlayResult> PlayAsync(IReadOnlyList<Prompt> prompts, bool bargeIn, CancellationToken cancellationToken = default)
    {
        if (IsGone(cancellationToken)) return Task.FromResult(new PlayResult(PlayOutcome.HungUp));
        var what = string.Join(", ", prompts.Select(Describe));
        if (bargeIn && _typeAhead.Length > 0)
        {
            trace.Step($"play {what}: cut short, key {_typeAhead[0]} already typed");
            return Task.FromResult(new PlayResult(PlayOutcome.Interrupted, _typeAhead[0]));
        }

        _played.AddRange(prompts);
        if (bargeIn && script.TryPeek(out var next) && !next.IsPause && next.Keys.Length > 0)
        {
            script.Take();
            _typeAhead.Append(next.Keys);
            trace.Step($"play {what}: interrupted, caller types {next.Keys}");
            return Task.FromResult(new PlayResult(PlayOutcome.Interrupted, next.Keys[0]));
        }

        foreach (var prompt in prompts) clock.Advance(PromptLength(prompt));
        trace.Step($"play {what}");
        return Task.FromResult(new PlayResult(PlayOutcome.Finished));
    }

    public Task<DigitsResult> CollectDigitsAsync(DigitCollection collection, CancellationToken cancellationToken = default)
    {
        var digits = new StringBuilder();
        var paused = false;
        while (true)
        {
            if (IsGone(cancellationToken)) return Task.FromResult(new DigitsResult(digits.ToString(), DigitsOutcome.HungUp));
            while (_typeAhead.Length > 0)
            {
                var key = _typeAhead[0];
                _typeAhead.Remove(0, 1);
                if (collection.Terminators.Contains(key)) return Done(new DigitsResult(digits.ToString(), DigitsOutcome.Terminated, key));
                digits.Append(key);
                if (digits.Length >= collection.MaxDigits) return Done(new DigitsResult(digits.ToString(), DigitsOutcome.Complete));
            }

            var timeout = digits.Length == 0 ? collection.FirstDigitTimeout : collection.InterDigitTimeout;
            var hasStep = script.TryPeek(out var step);
            if (!hasStep && digits.Length == 0)
            {
                CallerHangsUp("end of the key script");
                return Task.FromResult(new DigitsResult("", DigitsOutcome.HungUp));
            }

            if (hasStep && step.IsPause && step.Pause < timeout)
            {
                script.Take();
                clock.Advance(step.Pause);
                trace.Step($"caller waits {step.Pause.TotalSeconds:0.###}s");
                paused = true;
                continue;
            }

            if (hasStep && !step.IsPause && step.Keys.Length > 0 && (digits.Length == 0 || paused))
            {
                script.Take();
                _typeAhead.Append(step.Keys);
                trace.Step($"caller types {step.Keys}");
                paused = false;
                continue;
            }

            // A long pause, an empty group, the next question's keys, or the script's end after some keys: this wait times out.
            if (hasStep && step.IsPause) script.ShortenPause(timeout);
            else if (hasStep && step.Keys.Length == 0 && digits.Length == 0) script.Take();
            clock.Advance(timeout);
            trace.Step($"no {(digits.Length == 0 ? "key" : "next key")} within {timeout.TotalSeconds:0.###}s");
            return Task.FromResult(new DigitsResult(digits.ToString(), DigitsOutcome.TimedOut));
        }
    }

    public void ClearTypeAhead() => _typeAhead.Clear();

    public Task<RecordResult> RecordAsync(RecordRequest request, CancellationToken cancellationToken = default)
    {
        if (IsGone(cancellationToken)) return Task.FromResult(new RecordResult(RecordOutcome.HungUp, TimeSpan.Zero));
        if (request.Beep) trace.Step("beep");
        var length = TimeSpan.Zero;
        if (script.TryPeek(out var talk) && talk.IsPause)
        {
            script.Take();
            length = talk.Pause < request.MaxLength ? talk.Pause : request.MaxLength;
            clock.Advance(length);
        }

        RecordResult result;
        if (length >= request.MaxLength)
        {
            result = new RecordResult(RecordOutcome.MaxLength, length);
        }
        else if (script.TryPeek(out var keys) && keys.Keys.Length > 0 && request.StopKeys.Contains(keys.Keys[0]))
        {
            script.Take();
            _typeAhead.Append(keys.Keys.AsSpan(1));
            result = new RecordResult(RecordOutcome.StoppedByKey, length, keys.Keys[0]);
        }
        else if (script.IsEmpty)
        {
            result = new RecordResult(RecordOutcome.HungUp, length);
        }
        else
        {
            clock.Advance(request.SilenceTimeout);
            result = new RecordResult(RecordOutcome.Silence, length + request.SilenceTimeout);
        }

        trace.Step($"record {request.Path}: {result.Length.TotalSeconds:0.#}s, ended by {Describe(result)}");
        if (result.Outcome == RecordOutcome.HungUp) CallerHangsUp("after the message");
        return Task.FromResult(result);
    }

    public void StartMusic(string musicClass = "default") => trace.Step($"music {musicClass}");

    public void StopMusic() => trace.Step("music off");

    public Task<BridgeResult> BridgeAsync(BridgeRequest request, CancellationToken cancellationToken = default)
    {
        if (IsGone(cancellationToken)) return Task.FromResult(new BridgeResult(BridgeOutcome.CallerHungUp));
        var result = BridgeOutcomes.TryGetValue(request.Destination, out var scripted)
            ? scripted
            : new BridgeResult(BridgeOutcome.CallerHungUp, request.Destination, TimeSpan.FromSeconds(30));
        trace.Step($"dial {request.Destination}{(request.RingTime is { } ring ? $" (ring {ring.TotalSeconds:0}s)" : "")}");
        clock.Advance(result.TalkTime);
        if (result.Outcome == BridgeOutcome.CallerHungUp) _hungUp.Cancel();
        return Task.FromResult(result);
    }

    public void Hangup()
    {
        HungUpBySwitch = true;
        _hungUp.Cancel();
    }

    public void SetRecordField(string name, string value) => _recordFields[name] = value;

    private bool IsGone(CancellationToken cancellationToken) => _hungUp.IsCancellationRequested || cancellationToken.IsCancellationRequested;

    private Task<DigitsResult> Done(DigitsResult result) => Task.FromResult(result);

    private void CallerHangsUp(string why)
    {
        trace.Step($"caller hangs up ({why})");
        _hungUp.Cancel();
    }

    private static string Describe(Prompt prompt) =>
        prompt.File is { } file ? $"file {file}" : prompt.Language is null ? prompt.Name! : $"{prompt.Name} [{prompt.Language}]";

    private static string Describe(RecordResult result) => result.Outcome switch
    {
        RecordOutcome.StoppedByKey => $"key {result.StopKey}",
        RecordOutcome.MaxLength => "the maximum length",
        RecordOutcome.Silence => "silence",
        _ => "hang-up",
    };
}
