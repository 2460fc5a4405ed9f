using Softswitch.Channels;

namespace Softswitch.Ivr.Tests.Support;

/// <summary>A channel that holds the flow at its first key collection until the test opens the gate.</summary>
public sealed class GatedChannel(ICallChannel inner) : ICallChannel
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the flow first waits for keys.</summary>
    public Task Reached => _reached.Task;

    public void Open() => _gate.TrySetResult();

    public string CallUuid => inner.CallUuid;

    public string Caller => inner.Caller;

    public string? CallerName => inner.CallerName;

    public string Dialled => inner.Dialled;

    public CallOrigin Origin => inner.Origin;

    public string Language { get => inner.Language; set => inner.Language = value; }

    public CancellationToken HungUp => inner.HungUp;

    public Task<PlayResult> PlayAsync(IReadOnlyList<Prompt> prompts, bool bargeIn, CancellationToken cancellationToken = default) =>
        inner.PlayAsync(prompts, bargeIn, cancellationToken);

    public async Task<DigitsResult> CollectDigitsAsync(DigitCollection collection, CancellationToken cancellationToken = default)
    {
        _reached.TrySetResult();
        await _gate.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        return await inner.CollectDigitsAsync(collection, cancellationToken);
    }

    public void ClearTypeAhead() => inner.ClearTypeAhead();

    public Task<RecordResult> RecordAsync(RecordRequest request, CancellationToken cancellationToken = default) => inner.RecordAsync(request, cancellationToken);

    public void StartMusic(string musicClass = "default") => inner.StartMusic(musicClass);

    public void StopMusic() => inner.StopMusic();

    public Task<BridgeResult> BridgeAsync(BridgeRequest request, CancellationToken cancellationToken = default) => inner.BridgeAsync(request, cancellationToken);

    public void Hangup() => inner.Hangup();

    public void SetRecordField(string name, string value) => inner.SetRecordField(name, value);
}
