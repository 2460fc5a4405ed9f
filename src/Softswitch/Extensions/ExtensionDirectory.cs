using System.Collections.Frozen;
using Microsoft.Extensions.Options;
using Softswitch.Configuration.Options;

namespace Softswitch.Extensions;

/// <summary>
/// The configured extensions as an immutable snapshot, replaced whenever a validated
/// configuration is applied. Readers take no lock: they read one reference.
/// </summary>
public sealed class ExtensionDirectory : IExtensionDirectory, IDisposable
{
    private readonly IDisposable? _subscription;
    private volatile Snapshot _snapshot;

    /// <summary>Builds the first snapshot and follows later changes of <paramref name="options"/>.</summary>
    public ExtensionDirectory(IOptionsMonitor<SoftswitchOptions> options)
    {
        _snapshot = Snapshot.From(options.CurrentValue);
        _subscription = options.OnChange((current, _) => _snapshot = Snapshot.From(current));
    }

    /// <inheritdoc/>
    public IReadOnlyList<Extension> All => _snapshot.Ordered;

    /// <inheritdoc/>
    public bool TryGet(string number, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Extension? extension) =>
        _snapshot.ByNumber.TryGetValue(number, out extension);

    /// <inheritdoc/>
    public void Dispose() => _subscription?.Dispose();

    private sealed record Snapshot(FrozenDictionary<string, Extension> ByNumber, IReadOnlyList<Extension> Ordered)
    {
        public static Snapshot From(SoftswitchOptions options)
        {
            var ordered = options.Extensions.Select(e => new Extension(e.Number, e.Name, e.Password)).ToArray();
            // Validation guarantees unique numbers; DistinctBy only guards against unvalidated input.
            var byNumber = ordered.DistinctBy(e => e.Number).ToFrozenDictionary(e => e.Number, StringComparer.Ordinal);
            return new Snapshot(byNumber, ordered);
        }
    }
}
