using Microsoft.Extensions.Logging;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;

namespace Softswitch.Calls.Trunks;

/// <summary>
/// OPTIONS to a trunk every <see cref="TrunkSettings.OptionsInterval"/> (RFC 3261 §11): any response means Up, none
/// (Timer F) means Down. A change is logged once, with the trunk's name. The target is the registrar in use, else the
/// first located one, so a keepalive follows a failover.
/// </summary>
public sealed partial class TrunkKeepalive : IAsyncDisposable
{
    private readonly TrunkState _trunk;
    private readonly TrunkLocator _locator;
    private readonly ITrunkRequestSender _sender;
    private readonly TrunkLocalAddress _local;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public TrunkKeepalive(TrunkState trunk, TrunkSignalling signalling)
    {
        _trunk = trunk;
        (_locator, _sender, _local, _time, _logger) = signalling;
    }

    /// <summary>Starts the loop; the first OPTIONS goes out at once.</summary>
    public void Start() => _loop ??= Task.Run(() => RunAsync(_stop.Token));

    private async Task RunAsync(CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await ProbeAsync(stop);
                await Task.Delay(_trunk.Settings.OptionsInterval, _time, stop);
            }
        }
        catch (OperationCanceledException)
        {
            // stopped
        }
    }

    private async Task ProbeAsync(CancellationToken stop)
    {
        var target = _trunk.CurrentTarget;
        if (target is null || _trunk.Registration != TrunkRegistrationState.Registered)
        {
            var located = await _locator.LocateAsync(_trunk, stop);
            target = located.Count > 0 ? located[0] : target;
        }

        if (target is not { } destination)
        {
            Record(TrunkReachability.Down, "does not resolve");
            return;
        }

        _trunk.OfferTarget(destination);
        SipResponse? response;
        try
        {
            response = await _sender.SendAsync(TrunkRequests.Options(_trunk, _local), destination, stop);
        }
        catch (Exception error) when (error is InvalidOperationException or ArgumentException or IOException)
        {
            response = null; // could not be sent: no answer
        }

        stop.ThrowIfCancellationRequested();
        Record(response is null ? TrunkReachability.Down : TrunkReachability.Up,
            response is null ? $"no response from {destination}" : $"{response.StatusCode} from {destination}");
    }

    private void Record(TrunkReachability reachability, string detail)
    {
        if (!_trunk.SetReachability(reachability)) return;
        if (reachability == TrunkReachability.Up) LogUp(_trunk.Settings.Name, detail);
        else LogDown(_trunk.Settings.Name, detail);
    }

    public async Task StopAsync()
    {
        if (_stop.IsCancellationRequested) return;
        await _stop.CancelAsync();
        if (_loop is not null) await _loop;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Trunk {Trunk}: up (OPTIONS answered: {Detail})")]
    private partial void LogUp(string trunk, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trunk {Trunk}: down ({Detail})")]
    private partial void LogDown(string trunk, string detail);
}
