using Microsoft.Extensions.Logging;
using Softswitch.Sip.Dialogs;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;

namespace Softswitch.Calls.Trunks;

/// <summary>
/// One trunk's outbound registration (RFC 3261 §10.2) as one async loop: locate the carrier, REGISTER to each target
/// in turn until one answers 2xx (a 401/407 answered once with digest), refresh before the grant runs out, and after a
/// failure wait with exponential backoff and locate again. Stopping sends REGISTER with Expires: 0 (§10.2.2).
/// Waits run on the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class TrunkRegistration : IAsyncDisposable
{
    private readonly TrunkState _trunk;
    private readonly TrunkLocator _locator;
    private readonly ITrunkRequestSender _sender;
    private readonly TrunkLocalAddress _local;
    private readonly TimeProvider _time;
    private readonly TrunkRetryPolicy _policy;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly string _callId = SipIds.NewCallId(); // one Call-ID for every REGISTER of this run (§10.2.4)
    private uint _cseq;
    private SipEndPoint? _registeredAt; // the registrar holding our binding, if any: the unregister goes there
    private Task? _loop;

    public TrunkRegistration(TrunkState trunk, TrunkSignalling signalling, TrunkRetryPolicy? policy = null)
    {
        _trunk = trunk;
        (_locator, _sender, _local, _time, _logger) = signalling;
        _policy = policy ?? new TrunkRetryPolicy();
    }

    private string Name => _trunk.Settings.Name;

    /// <summary>Starts the loop; the first REGISTER goes out at once.</summary>
    public void Start() => _loop ??= Task.Run(() => RunAsync(_stop.Token));

    private async Task RunAsync(CancellationToken stop)
    {
        var failures = 0;
        while (!stop.IsCancellationRequested)
        {
            TimeSpan wait;
            _trunk.SetRegistering();
            var (registered, reason) = await RegisterOnceAsync(_trunk.Settings.RegisterExpires, stop);
            if (stop.IsCancellationRequested) break;
            if (registered is { } grant)
            {
                if (_registeredAt is null) LogRegistered(Name, grant.Target.ToString(), (int)grant.Expires.TotalSeconds);
                failures = 0;
                _registeredAt = grant.Target;
                _trunk.SetRegistered(grant.Target, _time.GetUtcNow() + grant.Expires);
                wait = TrunkRetryPolicy.RefreshAfter(grant.Expires);
            }
            else
            {
                failures++;
                wait = _policy.Backoff(failures);
                _registeredAt = null;
                _trunk.SetFailed(reason, _time.GetUtcNow() + wait);
                LogFailed(Name, reason, (int)wait.TotalSeconds);
            }

            try
            {
                await Task.Delay(wait, _time, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>One round over the located targets (the current registrar first); the grant, or why none was had.</summary>
    private async Task<((SipEndPoint Target, TimeSpan Expires)? Grant, string Reason)> RegisterOnceAsync(TimeSpan expires, CancellationToken stop)
    {
        IReadOnlyList<SipEndPoint> targets;
        try
        {
            targets = await _locator.LocateAsync(_trunk, stop);
        }
        catch (OperationCanceledException)
        {
            return (null, "stopped");
        }

        if (targets.Count == 0) return (null, $"{_trunk.Settings.Host} does not resolve");
        if (_trunk.CurrentTarget is { } current && targets.Contains(current)) targets = [current, .. targets.Where(t => t != current)];

        var reason = "no target answered";
        foreach (var target in targets)
        {
            var response = await ExchangeAsync(target, expires, stop);
            if (stop.IsCancellationRequested) return (null, "stopped");
            if (response is null)
            {
                reason = $"no response from {target}";
                LogTargetSilent(Name, target.ToString());
                continue;
            }

            if (response.IsSuccess) return ((target, Granted(response, expires)), "");
            reason = $"{response.StatusCode} {response.ReasonPhrase} from {target}";
            // §8.1.3.1 and RFC 3263 §4.3: a 503 or 408 means "try elsewhere"; any other refusal is the carrier's answer.
            if (response.StatusCode is not (503 or 408 or 500 or 504)) break;
        }

        return (null, reason);
    }

    /// <summary>REGISTER to one target, answering one 401/407 with digest; null when the target did not answer.</summary>
    private async Task<SipResponse?> ExchangeAsync(SipEndPoint target, TimeSpan expires, CancellationToken stop)
    {
        var request = TrunkRequests.Register(_trunk, _local, _callId, Interlocked.Increment(ref _cseq), expires);
        var registrar = TrunkRequests.RegistrarUri(_trunk.Settings).ToString();
        var response = await SendAsync(request, target, stop);
        if (response is not { StatusCode: 401 or 407 }) return response;
        if (!ClientDigest.TryAnswer(response, "REGISTER", registrar, _trunk.Settings.Login, out var authorization)) return response;
        var answered = TrunkRequests.Register(_trunk, _local, _callId, Interlocked.Increment(ref _cseq), expires, authorization);
        return await SendAsync(answered, target, stop);
    }

    private async Task<SipResponse?> SendAsync(SipRequestBuilder request, SipEndPoint target, CancellationToken stop)
    {
        try
        {
            return await _sender.SendAsync(request, target, stop);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        catch (Exception error) when (error is InvalidOperationException or ArgumentException or IOException)
        {
            // The stack is not (or no longer) able to send: the same as no answer, retried with backoff.
            LogSendFailed(Name, target.ToString(), error.Message);
            return null;
        }
    }

    /// <summary>§10.2.4: the expires of our Contact in the 2xx, else its Expires header, else what we asked for.</summary>
    private TimeSpan Granted(SipResponse response, TimeSpan asked)
    {
        var ours = response.Contacts.FirstOrDefault(c => !c.IsStar && string.Equals(c.Uri.User, _trunk.ContactUser, StringComparison.Ordinal));
        var seconds = ours?.Expires ?? response.Expires;
        return seconds is > 0 ? TimeSpan.FromSeconds(seconds.Value) : asked;
    }

    /// <summary>Stops the loop, then unregisters (Expires: 0) if registered, waiting at most the policy's unregister timeout.</summary>
    public async Task StopAsync()
    {
        if (_stop.IsCancellationRequested) return;
        await _stop.CancelAsync();
        if (_loop is not null) await _loop;
        if (_registeredAt is not { } target)
        {
            _trunk.SetUnregistered();
            return;
        }

        using var timeout = new CancellationTokenSource(_policy.UnregisterTimeout, _time);
        var response = await ExchangeAsync(target, TimeSpan.Zero, timeout.Token);
        _trunk.SetUnregistered();
        LogUnregistered(Name, response is null ? "no response" : $"{response.StatusCode} {response.ReasonPhrase}");
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Trunk {Trunk}: registered at {Target} for {Expires} s")]
    private partial void LogRegistered(string trunk, string target, int expires);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trunk {Trunk}: registration failed ({Reason}); next try in {RetrySeconds} s")]
    private partial void LogFailed(string trunk, string reason, int retrySeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trunk {Trunk}: no response to REGISTER from {Target}; trying the next target")]
    private partial void LogTargetSilent(string trunk, string target);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trunk {Trunk}: REGISTER to {Target} could not be sent: {Reason}")]
    private partial void LogSendFailed(string trunk, string target, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trunk {Trunk}: unregistered ({Outcome})")]
    private partial void LogUnregistered(string trunk, string outcome);
}
