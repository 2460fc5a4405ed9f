using Microsoft.Extensions.Logging;
using Softswitch.Sip.Transport;

namespace Softswitch.Calls.Trunks;

/// <summary>
/// The trunks of one run: their registry and directory (ready before the stack listens, so the first INVITE can be
/// recognised), and once the stack listens, each trunk's registration and keepalive loops. The configuration is read
/// at start: a changed <c>trunks</c> section takes effect at the next start.
/// </summary>
public sealed partial class TrunkService : IAsyncDisposable
{
    private readonly TrunkLocator _locator;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger<TrunkService> _logger;
    private readonly TrunkRetryPolicy _policy;
    private readonly List<TrunkRegistration> _registrations = [];
    private readonly List<TrunkKeepalive> _keepalives = [];
    private readonly List<Task> _lookups = [];
    private readonly CancellationTokenSource _lookupStop = new();
    private ITrunkRequestSender? _sender;
    private TrunkLocalAddress? _local;
    private bool _disposed;

    public TrunkService(IEnumerable<TrunkSettings> trunks, ISipServerLocator dns, TimeProvider time, ILoggerFactory loggers,
        TrunkRetryPolicy? policy = null)
    {
        Registry = new TrunkRegistry(trunks);
        Directory = new TrunkDirectory(Registry);
        _locator = new TrunkLocator(dns);
        _time = time;
        _loggers = loggers;
        _logger = loggers.CreateLogger<TrunkService>();
        _policy = policy ?? new TrunkRetryPolicy();
    }

    public TrunkRegistry Registry { get; }

    public TrunkDirectory Directory { get; }

    /// <summary>How requests reach carriers and how they reach us; call before <see cref="StartAsync"/>.</summary>
    public void Attach(ITrunkRequestSender sender, TrunkLocalAddress local)
    {
        _sender = sender;
        _local = local;
    }

    /// <summary>
    /// Where an outbound call over <paramref name="trunk"/> goes, in failover order (RFC 3263): the outbound proxy's or
    /// the carrier's targets, the registrar in use first. The B2BUA tries the next on 503, 408 or no response.
    /// </summary>
    public async Task<IReadOnlyList<SipEndPoint>> LocateAsync(TrunkState trunk, CancellationToken cancellationToken)
    {
        var targets = await _locator.LocateAsync(trunk, cancellationToken);
        return trunk.CurrentTarget is { } current && targets.Contains(current) ? [current, .. targets.Where(t => t != current)] : targets;
    }

    /// <summary>
    /// Starts each trunk's registration and keepalive, and looks every trunk up once in the background (so a trunk
    /// with neither is still recognised by its address); a slow DNS never holds up the switch's start.
    /// </summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_sender is null || _local is null) throw new InvalidOperationException("Attach the request sender first");
        var signalling = new TrunkSignalling(_locator, _sender, _local, _time, _loggers.CreateLogger("Softswitch.Calls.Trunks.Trunk"));
        foreach (var trunk in Registry.Trunks)
        {
            _lookups.Add(Task.Run(() => LookUpAsync(trunk, _lookupStop.Token), CancellationToken.None));
            if (trunk.Settings.Register)
            {
                var registration = new TrunkRegistration(trunk, signalling, _policy);
                _registrations.Add(registration);
                registration.Start();
            }

            if (trunk.Settings.OptionsInterval > TimeSpan.Zero)
            {
                var keepalive = new TrunkKeepalive(trunk, signalling);
                _keepalives.Add(keepalive);
                keepalive.Start();
            }
        }

        return Task.CompletedTask;
    }

    private async Task LookUpAsync(TrunkState trunk, CancellationToken stop)
    {
        try
        {
            var targets = await _locator.LocateAsync(trunk, stop);
            LogTrunk(trunk.Settings.Name, trunk.Settings.Host, targets.Count == 0 ? "no address" : string.Join(", ", targets),
                trunk.Settings.Register, (int)trunk.Settings.OptionsInterval.TotalSeconds);
        }
        catch (OperationCanceledException)
        {
            // stopped before the answer came
        }
    }

    /// <summary>Stops the keepalives and unregisters every trunk (in parallel, each bounded by the policy's timeout).</summary>
    public async Task StopAsync()
    {
        await _lookupStop.CancelAsync();
        await Task.WhenAll(_lookups);
        await Task.WhenAll(_keepalives.Select(k => k.StopAsync()));
        await Task.WhenAll(_registrations.Select(r => r.StopAsync()));
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        await StopAsync();
        foreach (var keepalive in _keepalives) await keepalive.DisposeAsync();
        foreach (var registration in _registrations) await registration.DisposeAsync();
        _keepalives.Clear();
        _registrations.Clear();
        _lookupStop.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Trunk {Trunk}: {Host} at {Targets}; register {Register}, keepalive every {Interval} s")]
    private partial void LogTrunk(string trunk, string host, string targets, bool register, int interval);
}
