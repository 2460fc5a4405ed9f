using System.Threading.Channels;
using Softswitch.Acd.Routing;
using Softswitch.Channels;
using Softswitch.Configuration.Options;

namespace Softswitch.Queues;

/// <summary>
/// A waiting caller's side of virtual hold: the offer is said once when it starts to wait, then while it waits for the
/// engine's next decision its keys are watched; the callback key turns it into a virtual caller, thanks it and hangs up.
/// Keys are watched only between decisions, so a key pressed to an agent is never taken for the callback key.
/// </summary>
public sealed class CallbackListener
{
    /// <summary>Longest single wait for a key; the wait simply starts again after it.</summary>
    private static readonly TimeSpan KeyWait = TimeSpan.FromHours(1);

    private readonly QueueCallbacks _owner;
    private readonly ICallChannel _channel;
    private readonly string _queue;
    private readonly QueueCallbackOptions _settings;
    private readonly long _entered;
    private bool _offered;

    internal CallbackListener(QueueCallbacks owner, ICallChannel channel, string queue, QueueCallbackOptions settings, long entered)
    {
        _owner = owner;
        _channel = channel;
        _queue = queue;
        _settings = settings;
        _entered = entered;
    }

    /// <summary>
    /// Waits until the engine's next decision can be read (true), or the caller asked for a callback and has been hung
    /// up on (false). Throws <see cref="OperationCanceledException"/> when the caller hangs up, as a read of the inbox would.
    /// </summary>
    public async Task<bool> WaitForDecisionAsync(ChannelReader<AcdDecision> inbox, string music)
    {
        if (!_offered)
        {
            _offered = true;
            // Said beside the wait, never in its way: an offer that comes meanwhile rings at once (the prompt plays on
            // while the agent rings and is cut at the answer), and a key pressed during it is the caller's answer.
            if (!inbox.TryPeek(out _)) _ = SayOfferAsync(music);
        }

        while (true)
        {
            _channel.HungUp.ThrowIfCancellationRequested();
            using var stopKeys = CancellationTokenSource.CreateLinkedTokenSource(_channel.HungUp);
            var key = _channel.CollectDigitsAsync(new DigitCollection { MaxDigits = 1, FirstDigitTimeout = KeyWait }, stopKeys.Token);
            var ready = inbox.WaitToReadAsync(_channel.HungUp).AsTask();
            if (await Task.WhenAny(key, ready).ConfigureAwait(false) == ready)
            {
                await stopKeys.CancelAsync().ConfigureAwait(false);
                await key.ConfigureAwait(false); // a cancelled collect takes no key: one pressed now stays typed ahead
                await ready.ConfigureAwait(false);
                return true;
            }

            var pressed = await key.ConfigureAwait(false);
            _channel.HungUp.ThrowIfCancellationRequested();
            if (pressed.Outcome != DigitsOutcome.Complete || pressed.Digits != _settings.Key)
            {
                if (pressed.Outcome == DigitsOutcome.Complete) _channel.StartMusic(music); // a wrong key may have cut the offer
                continue;
            }

            if (await _owner.TryRequestAsync(_channel, _queue, _settings, _entered).ConfigureAwait(false))
            {
                _channel.StopMusic();
                await _channel.PlayAsync([Prompt.Named(QueueCallbacks.ConfirmPrompt)], bargeIn: false).ConfigureAwait(false);
                _channel.Hangup();
                return false;
            }

            // An agent is being offered the caller right now: its decision is on the way.
        }
    }

    /// <summary>"To keep your place and be called back, press 1"; the music goes on after it. Never throws (nobody awaits it).</summary>
    private async Task SayOfferAsync(string music)
    {
        try
        {
            var key = _settings.Key.Length == 1 ? _settings.Key[0] : '1';
            var said = await _channel.PlayAsync([Prompt.Named(QueueCallbacks.OfferPrompt), QueueCallbacks.KeyPrompt(key)], bargeIn: true).ConfigureAwait(false);
            if (said.Outcome == PlayOutcome.Finished && !_channel.HungUp.IsCancellationRequested) _channel.StartMusic(music);
        }
        catch (Exception) when (_channel.HungUp.IsCancellationRequested)
        {
            // The caller hung up while it was said.
        }
    }
}
