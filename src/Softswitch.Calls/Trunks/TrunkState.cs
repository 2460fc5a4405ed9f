using System.Net;
using Softswitch.Sip.Transport;

namespace Softswitch.Calls.Trunks;

/// <summary>
/// The live state of one trunk, written by its registration and keepalive loops and by calls taking a slot, read by
/// anyone. Thread-safe: a short lock for the registration fields, an interlocked counter for calls.
/// </summary>
public sealed class TrunkState
{
    private readonly object _gate = new();
    private TrunkRegistrationState _registration = TrunkRegistrationState.Unregistered;
    private DateTimeOffset? _expiresAt;
    private DateTimeOffset? _nextRetryAt;
    private string? _lastFailure;
    private SipEndPoint? _target;
    private int _reachability = (int)TrunkReachability.Unknown;
    private int _activeCalls;
    private volatile IReadOnlyList<IPAddress> _resolved = [];

    public TrunkState(TrunkSettings settings, string contactUser)
    {
        Settings = settings;
        ContactUser = contactUser;
    }

    public TrunkSettings Settings { get; }

    /// <summary>The user part of the Contact we register with: an INVITE to it is a call from this trunk.</summary>
    public string ContactUser { get; }

    /// <summary>Where requests to the carrier go now: the registrar that last answered, else the first located target.</summary>
    public SipEndPoint? CurrentTarget
    {
        get { lock (_gate) return _target; }
    }

    public TrunkRegistrationState Registration
    {
        get { lock (_gate) return _registration; }
    }

    public TrunkReachability Reachability => (TrunkReachability)Volatile.Read(ref _reachability);

    /// <summary>The addresses the carrier's name (and proxy) last resolved to: sources accepted as it when allow_from is empty.</summary>
    public IReadOnlyList<IPAddress> ResolvedAddresses => _resolved;

    public int ActiveCalls => Volatile.Read(ref _activeCalls);

    internal void SetResolved(IEnumerable<SipEndPoint> targets) =>
        _resolved = targets.Select(t => Normalise(t.Address.Address)).Distinct().ToArray();

    internal void SetRegistering()
    {
        lock (_gate)
        {
            _registration = TrunkRegistrationState.Registering;
            _nextRetryAt = null;
        }
    }

    internal void SetRegistered(SipEndPoint target, DateTimeOffset expiresAt)
    {
        lock (_gate)
        {
            _registration = TrunkRegistrationState.Registered;
            _target = target;
            _expiresAt = expiresAt;
            _nextRetryAt = null;
            _lastFailure = null;
        }
    }

    internal void SetFailed(string reason, DateTimeOffset nextRetryAt)
    {
        lock (_gate)
        {
            _registration = TrunkRegistrationState.Failed;
            _expiresAt = null;
            _nextRetryAt = nextRetryAt;
            _lastFailure = reason;
        }
    }

    internal void SetUnregistered()
    {
        lock (_gate)
        {
            _registration = TrunkRegistrationState.Unregistered;
            _expiresAt = null;
            _nextRetryAt = null;
        }
    }

    /// <summary>Remembers where the carrier answers when no registration chose a target yet.</summary>
    internal void OfferTarget(SipEndPoint target)
    {
        lock (_gate) _target ??= target;
    }

    /// <summary>Records the keepalive's finding; true when it changed.</summary>
    internal bool SetReachability(TrunkReachability reachability) =>
        Interlocked.Exchange(ref _reachability, (int)reachability) != (int)reachability;

    /// <summary>A slot for one call, unless <see cref="TrunkSettings.MaxCalls"/> are up already.</summary>
    internal bool TryAcquireCall()
    {
        var max = Settings.MaxCalls;
        while (true)
        {
            var current = Volatile.Read(ref _activeCalls);
            if (max > 0 && current >= max) return false;
            if (Interlocked.CompareExchange(ref _activeCalls, current + 1, current) == current) return true;
        }
    }

    internal void ReleaseCall()
    {
        while (true)
        {
            var current = Volatile.Read(ref _activeCalls);
            if (current == 0) return; // a release without an acquire must not go negative
            if (Interlocked.CompareExchange(ref _activeCalls, current - 1, current) == current) return;
        }
    }

    public TrunkStatus Snapshot()
    {
        lock (_gate)
        {
            return new TrunkStatus(Settings.Name, _registration, _expiresAt, _nextRetryAt, _lastFailure, Reachability, _target,
                ActiveCalls, Settings.MaxCalls);
        }
    }

    internal static IPAddress Normalise(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
