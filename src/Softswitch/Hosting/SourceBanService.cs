using System.Net;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Softswitch.Configuration.Options;
using Softswitch.Sip.Security;
using Softswitch.Storage.Security;

namespace Softswitch.Hosting;

/// <summary>
/// Joins the stack's <see cref="SourceGuard"/> to the database: at start-up closes bans that ran out while stopped and
/// restores the ones still in force; records each ban and its end (queued, written off the SIP path, at most
/// <see cref="QueueCapacity"/> pending); on each sweep, drops the bans <c>softswitch security unban</c> lifted.
/// </summary>
internal sealed partial class SourceBanService(SecurityBanRepository repository, TimeProvider time, ILoggerFactory loggers)
    : ISourceBanObserver, IAsyncDisposable
{
    private const int QueueCapacity = 1_000;

    private readonly ILogger<SourceBanService> _logger = loggers.CreateLogger<SourceBanService>();
    private readonly Channel<Func<Task>> _writes = Channel.CreateBounded<Func<Task>>(new BoundedChannelOptions(QueueCapacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait, // TryWrite reports "full" instead of waiting
    });

    private Task? _writer;
    private int _checkingLifts;

    /// <summary>The guard the stack consults; set by <see cref="StartAsync"/>.</summary>
    public SourceGuard Guard { get; private set; } = null!;

    /// <summary>Builds the guard from the <c>security</c> section and restores the bans in force.</summary>
    public async Task StartAsync(SecurityOptions security, CancellationToken cancellationToken)
    {
        Guard = new SourceGuard(new SourceGuardOptions
        {
            FailedAuthLimit = security.FailedAuthLimit,
            FailedAuthWindow = TimeSpan.FromSeconds(security.FailedAuthWindowSeconds),
            BanDuration = TimeSpan.FromSeconds(security.BanSeconds),
            Allow = SecurityNetworks.ParseAll(security.Allow),
            MaxRequestsPerSecondPerAddress = security.MaxRequestsPerSecondPerAddress,
        }, time, this, loggers.CreateLogger<SourceGuard>());

        var now = time.GetUtcNow();
        await repository.CloseExpiredAsync(now, cancellationToken).ConfigureAwait(false);
        foreach (var ban in await repository.ListActiveAsync(now, cancellationToken).ConfigureAwait(false))
        {
            if (IPAddress.TryParse(ban.Address, out var address))
            {
                Guard.Restore(new SourceBan(address, ban.BannedAt, ban.Until, ban.Reason, ban.Failures));
            }
        }

        _writer = Task.Run(WriteAsync, CancellationToken.None);
    }

    /// <summary>Ends expired bans and forgets idle addresses; then, in the background, drops bans lifted from the command line.</summary>
    public void Sweep()
    {
        Guard.Sweep();
        if (Guard.ActiveBans.Count == 0 || Interlocked.Exchange(ref _checkingLifts, 1) == 1) return;
        _ = DropLiftedBansAsync();
    }

    public void OnBanned(SourceBan ban) =>
        Queue(() => repository.AddAsync(new SecurityBanRecord(ban.Address.ToString(), ban.BannedAt, ban.Until, ban.Reason, ban.Failures)));

    public void OnBanEnded(SourceBan ban, SourceBanEnd end, DateTimeOffset endedAt) =>
        // A lifted ban's row was closed by whoever lifted it; the update only closes a row still open.
        Queue(() => repository.EndAsync(ban.Address.ToString(), ban.BannedAt, endedAt,
            end == SourceBanEnd.Expired ? SecurityBanRepository.Expired : "cli"));

    private void Queue(Func<Task> write)
    {
        if (!_writes.Writer.TryWrite(write)) LogQueueFull(QueueCapacity);
    }

    private async Task DropLiftedBansAsync()
    {
        try
        {
            foreach (var lifted in await repository.ListLiftedEarlyAsync(time.GetUtcNow()).ConfigureAwait(false))
            {
                if (IPAddress.TryParse(lifted.Address, out var address)) Guard.Lift(address, lifted.BannedAt);
            }
        }
        catch (Exception error)
        {
            LogLiftCheckFailed(error);
        }
        finally
        {
            Volatile.Write(ref _checkingLifts, 0);
        }
    }

    private async Task WriteAsync()
    {
        await foreach (var write in _writes.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                await write().ConfigureAwait(false);
            }
            catch (Exception error)
            {
                LogWriteFailed(error);
            }
        }
    }

    /// <summary>Writes what is queued, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _writes.Writer.TryComplete();
        if (_writer is not null) await _writer.ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "could not record a ban in the database")]
    private partial void LogWriteFailed(Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "more than {Capacity} ban records waiting for the database: this one is not recorded")]
    private partial void LogQueueFull(int capacity);

    [LoggerMessage(Level = LogLevel.Error, Message = "could not read lifted bans from the database")]
    private partial void LogLiftCheckFailed(Exception error);
}
