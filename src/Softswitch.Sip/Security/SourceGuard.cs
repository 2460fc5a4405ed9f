using System.Net;
using Microsoft.Extensions.Logging;

namespace Softswitch.Sip.Security;

/// <summary>
/// What fail2ban does for Asterisk and pike for Kamailio, built in: an address with too many failed authentications
/// in a window is banned (its messages dropped before parsing, no response at all) for a while, and every address
/// may send only so many messages a second. Allowed networks are never banned nor limited. <see cref="Admit"/> runs
/// for every received message: one dictionary lookup or two under a lock, no allocation once the address is known.
/// Memory is bounded: at most <see cref="SourceGuardOptions.MaxTrackedAddresses"/> addresses are tracked, idle ones
/// are forgotten by <see cref="Sweep"/> (and when the table is full). Each ban start and end is logged and reported
/// to the observer once. Thread-safe.
/// </summary>
public sealed partial class SourceGuard
{
    private static readonly TimeSpan DropLogInterval = TimeSpan.FromSeconds(60);

    private readonly SourceGuardOptions _options;
    private readonly TimeProvider _time;
    private readonly ISourceBanObserver? _observer;
    private readonly ILogger<SourceGuard> _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<IPAddress, SourceBan> _bans = [];
    private readonly Dictionary<IPAddress, RequestRateBucket> _buckets = [];
    private readonly Dictionary<IPAddress, FailureHistory> _failures = [];
    private readonly double _perSecond;
    private readonly long _ticksPerSecond;
    private readonly long _dropLogTicks;

    public SourceGuard(SourceGuardOptions options, TimeProvider time, ISourceBanObserver? observer, ILogger<SourceGuard> logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.FailedAuthLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxTrackedAddresses, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRequestsPerSecondPerAddress);
        _options = options;
        _time = time;
        _observer = observer;
        _logger = logger;
        _perSecond = options.MaxRequestsPerSecondPerAddress;
        _ticksPerSecond = time.TimestampFrequency;
        _dropLogTicks = (long)(DropLogInterval.TotalSeconds * _ticksPerSecond);
    }

    /// <summary>
    /// Sources trusted like an allowed network (never banned nor rate limited) whose addresses are only known at run
    /// time: a configured carrier's <c>allow_from</c> or the addresses its host resolves to. A carrier sends as fast as
    /// its customers call; limiting it would drop their calls. Set once at start-up; read on the receive path.
    /// </summary>
    public Func<IPAddress, bool>? IsTrustedSource { get; set; }

    /// <summary>Bans in force now.</summary>
    public IReadOnlyList<SourceBan> ActiveBans
    {
        get
        {
            lock (_lock) return [.. _bans.Values];
        }
    }

    /// <summary>Addresses whose message rate is tracked (bounded by the options).</summary>
    public int TrackedAddressCount
    {
        get
        {
            lock (_lock) return _buckets.Count;
        }
    }

    /// <summary>Whether a message from <paramref name="address"/> may be handled: false when banned or over its rate.</summary>
    public bool Admit(IPAddress address)
    {
        address = Normalize(address);
        SourceBan? expired = null;
        var dropped = 0;
        lock (_lock)
        {
            if (_bans.Count > 0 && _bans.TryGetValue(address, out var ban))
            {
                if (_time.GetUtcNow() < ban.Until) return IsTrusted(address); // a ban from before the carrier's address was known
                _bans.Remove(address);
                expired = ban;
            }
            else if (_perSecond > 0 && !TakeToken(address, out dropped))
            {
                if (dropped == 0) return false;
            }
        }

        if (dropped > 0)
        {
            LogRateLimited(address.ToString(), _options.MaxRequestsPerSecondPerAddress, dropped);
            return false;
        }

        if (expired is not null) Ended(expired, SourceBanEnd.Expired, expired.Until);
        return true;
    }

    /// <summary>Whether <paramref name="address"/> is banned now.</summary>
    public bool IsBanned(IPAddress address)
    {
        address = Normalize(address);
        lock (_lock) return _bans.TryGetValue(address, out var ban) && _time.GetUtcNow() < ban.Until && !IsTrusted(address);
    }

    /// <summary>
    /// A request from <paramref name="address"/> failed authentication (wrong password, unknown user); a plain
    /// challenge is not a failure. The failure that reaches the limit within the window bans the address.
    /// </summary>
    public void OnAuthFailed(IPAddress address)
    {
        address = Normalize(address);
        if (IsAllowed(address)) return;
        SourceBan? banned = null;
        lock (_lock)
        {
            if (_bans.ContainsKey(address)) return;
            var now = _time.GetUtcNow();
            if (!_failures.TryGetValue(address, out var history))
            {
                if (_failures.Count >= _options.MaxTrackedAddresses) ForgetOldFailures(now);
                if (_failures.Count >= _options.MaxTrackedAddresses) return; // full of recent failures: a flood from many addresses
                history = new FailureHistory(_options.FailedAuthLimit);
                _failures.Add(address, history);
            }

            if (history.Add(now, _options.FailedAuthWindow))
            {
                _failures.Remove(address);
                _buckets.Remove(address);
                banned = new SourceBan(address, WholeMilliseconds(now), WholeMilliseconds(now + _options.BanDuration),
                    "failed authentication", history.Count);
                _bans[address] = banned;
            }
        }

        if (banned is null) return;
        LogBanned(banned.Address.ToString(), banned.Failures, _options.FailedAuthWindow.TotalSeconds, banned.Until);
        _observer?.OnBanned(banned);
    }

    /// <summary>Puts back a ban recorded before a restart; ignored when it has ended or the address is allowed now.</summary>
    public void Restore(SourceBan ban)
    {
        ban = ban with { Address = Normalize(ban.Address) };
        if (IsAllowed(ban.Address) || ban.Until <= _time.GetUtcNow()) return;
        lock (_lock) _bans[ban.Address] = ban;
        LogRestored(ban.Address.ToString(), ban.Until);
    }

    /// <summary>Lifts the ban of <paramref name="address"/> that started at <paramref name="bannedAt"/>; false when there is none.</summary>
    public bool Lift(IPAddress address, DateTimeOffset bannedAt)
    {
        address = Normalize(address);
        SourceBan? lifted = null;
        lock (_lock)
        {
            if (_bans.TryGetValue(address, out var ban) && ban.BannedAt == WholeMilliseconds(bannedAt))
            {
                _bans.Remove(address);
                lifted = ban;
            }
        }

        if (lifted is null) return false;
        Ended(lifted, SourceBanEnd.Lifted, _time.GetUtcNow());
        return true;
    }

    /// <summary>Ends the bans whose time is up and forgets idle rates and old failures; the host calls it every few seconds.</summary>
    public void Sweep()
    {
        List<SourceBan>? expired = null;
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            foreach (var ban in _bans.Values)
            {
                if (now >= ban.Until) (expired ??= []).Add(ban);
            }

            if (expired is not null) foreach (var ban in expired) _bans.Remove(ban.Address);
            ForgetIdleBuckets(_time.GetTimestamp());
            ForgetOldFailures(now);
        }

        if (expired is not null) foreach (var ban in expired) Ended(ban, SourceBanEnd.Expired, ban.Until);
    }

    /// <summary>False when over the rate; <paramref name="dropsToLog"/> is then non-zero once a minute per address.</summary>
    private bool TakeToken(IPAddress address, out int dropsToLog)
    {
        dropsToLog = 0;
        var now = _time.GetTimestamp();
        if (!_buckets.TryGetValue(address, out var bucket))
        {
            if (_buckets.Count >= _options.MaxTrackedAddresses) ForgetIdleBuckets(now);
            // Still full: more busy addresses than we track. Fail open: a per-address limit cannot stop that anyway.
            if (_buckets.Count >= _options.MaxTrackedAddresses || IsAllowed(address)) return true;
            bucket = new RequestRateBucket(_perSecond, now);
            _buckets.Add(address, bucket);
        }

        // A trusted source is asked only when over the rate (a carrier's address may resolve after its bucket was made).
        if (bucket.TryTake(now, _perSecond, _ticksPerSecond) || IsTrusted(address)) return true;
        bucket.DroppedSinceLog++;
        if (bucket.LastDropLog == 0 || now - bucket.LastDropLog >= _dropLogTicks)
        {
            dropsToLog = bucket.DroppedSinceLog;
            bucket.LastDropLog = now;
            bucket.DroppedSinceLog = 0;
        }

        return false;
    }

    private void ForgetIdleBuckets(long now)
    {
        List<IPAddress>? idle = null;
        foreach (var (address, bucket) in _buckets)
        {
            if (bucket.IsIdle(now, _perSecond, _ticksPerSecond) && now - bucket.LastDropLog >= _dropLogTicks) (idle ??= []).Add(address);
        }

        if (idle is not null) foreach (var address in idle) _buckets.Remove(address);
    }

    private void ForgetOldFailures(DateTimeOffset now)
    {
        List<IPAddress>? old = null;
        foreach (var (address, history) in _failures)
        {
            if (now - history.Newest >= _options.FailedAuthWindow) (old ??= []).Add(address);
        }

        if (old is not null) foreach (var address in old) _failures.Remove(address);
    }

    private bool IsAllowed(IPAddress address)
    {
        foreach (var network in _options.Allow)
        {
            if (network.Contains(address)) return true;
        }

        return IsTrusted(address);
    }

    private bool IsTrusted(IPAddress address) => IsTrustedSource is { } trusted && trusted(address);

    private void Ended(SourceBan ban, SourceBanEnd end, DateTimeOffset endedAt)
    {
        LogBanEnded(ban.Address.ToString(), end, ban.BannedAt);
        _observer?.OnBanEnded(ban, end, endedAt);
    }

    /// <summary>A dual-mode socket reports IPv4 peers as ::ffff:a.b.c.d; keyed, allowed and recorded as a.b.c.d.</summary>
    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static DateTimeOffset WholeMilliseconds(DateTimeOffset time) =>
        DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds());
}
