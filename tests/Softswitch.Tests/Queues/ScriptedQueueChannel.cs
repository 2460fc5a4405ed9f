using System.Collections.Concurrent;
using Softswitch.Channels;

namespace Softswitch.Tests.Queues;

/// <summary>
/// A caller's channel for the queue application: each bridge asked for is answered by <see cref="Bridge"/> (the test's
/// agents), music and prompts are noted, and the caller can hang up.
/// </summary>
internal sealed class ScriptedQueueChannel(string callUuid, Func<BridgeRequest, Task<BridgeResult>> bridge) : ICallChannel
{
    private readonly CancellationTokenSource _hungUp = new();

    public ConcurrentQueue<BridgeRequest> Bridges { get; } = new();

    public ConcurrentDictionary<string, string> Fields { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> Music { get; } = new();

    public string CallUuid => callUuid;

    public string Caller => "1001";

    public string? CallerName => null;

    public string Dialled => "610";

    public CallOrigin Origin { get; } = new(CallOriginKind.Extension, "1001");

    public string Language { get; set; } = "en";

    public CancellationToken HungUp => _hungUp.Token;

    public void HangUpNow() => _hungUp.Cancel();

    public ConcurrentQueue<string> Played { get; } = new();

    /// <summary>When set, each playback lasts until this ends (the test holds an announcement, or its token cuts it short).</summary>
    public Func<CancellationToken, Task>? Playing { get; set; }

    public async Task<PlayResult> PlayAsync(IReadOnlyList<Prompt> prompts, bool bargeIn, CancellationToken cancellationToken = default)
    {
        foreach (var prompt in prompts) Played.Enqueue(prompt.ToString());
        if (Playing is not { } playing) return new PlayResult(PlayOutcome.Finished);
        try
        {
            await playing(cancellationToken);
            return new PlayResult(PlayOutcome.Finished);
        }
        catch (OperationCanceledException)
        {
            return new PlayResult(PlayOutcome.HungUp);
        }
    }

    /// <summary>Keys the caller presses: each collect takes the next one, or waits until it is cancelled (the caller hung up).</summary>
    public ConcurrentQueue<char> Keys { get; } = new();

    public async Task<DigitsResult> CollectDigitsAsync(DigitCollection collection, CancellationToken cancellationToken = default)
    {
        if (Keys.TryDequeue(out var key)) return new DigitsResult(key.ToString(), DigitsOutcome.Complete);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, HungUp);
        await Task.Delay(Timeout.Infinite, linked.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        return new DigitsResult("", DigitsOutcome.HungUp);
    }

    public void ClearTypeAhead()
    {
    }

    public Task<RecordResult> RecordAsync(RecordRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("a queue does not record messages");

    public void StartMusic(string musicClass = "default") => Music.Enqueue(musicClass);

    public void StopMusic()
    {
    }

    public Task<BridgeResult> BridgeAsync(BridgeRequest request, CancellationToken cancellationToken = default)
    {
        Bridges.Enqueue(request);
        return bridge(request);
    }

    public void Hangup() => _hungUp.Cancel();

    public void SetRecordField(string name, string value) => Fields[name] = value;
}
