using System.Security.Cryptography;

namespace Softswitch.Calls.Trunks;

/// <summary>
/// Every configured trunk with its live state: the snapshot for the API and logs, and the call slots that honour
/// <see cref="TrunkSettings.MaxCalls"/>. Built once from the configuration (trunks are read at start).
/// </summary>
public sealed class TrunkRegistry
{
    private readonly Dictionary<string, TrunkState> _byName;

    public TrunkRegistry(IEnumerable<TrunkSettings> trunks)
    {
        // The Contact user is random per trunk and run: an INVITE to it can only come from the registrar we told it to.
        Trunks = trunks.Select(t => new TrunkState(t, "tr" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)))).ToList();
        _byName = Trunks.ToDictionary(t => t.Settings.Name, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<TrunkState> Trunks { get; }

    /// <summary>The trunk called <paramref name="name"/> (any case), or null.</summary>
    public TrunkState? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Every trunk's state now, in configuration order.</summary>
    public IReadOnlyList<TrunkStatus> Snapshot() => Trunks.Select(t => t.Snapshot()).ToList();

    /// <summary>
    /// Takes a call slot on <paramref name="name"/>: false when the trunk does not exist or has max_calls calls up
    /// (the caller then tries the next trunk or answers 503). Every true must be paired with one <see cref="ReleaseCall"/>.
    /// </summary>
    public bool TryAcquireCall(string name) => Find(name)?.TryAcquireCall() ?? false;

    /// <summary>Gives back a slot taken by <see cref="TryAcquireCall"/>.</summary>
    public void ReleaseCall(string name) => Find(name)?.ReleaseCall();
}
