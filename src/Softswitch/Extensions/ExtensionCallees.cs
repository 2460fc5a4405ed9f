using System.Collections.Frozen;
using Microsoft.Extensions.Options;
using Softswitch.Calls.Routing;
using Softswitch.Configuration.Options;

namespace Softswitch.Extensions;

/// <summary>
/// The extensions as call control sees them (ring time, forwards, do-not-disturb): an immutable snapshot replaced when
/// a validated configuration is applied, so a changed forward applies to the next call.
/// </summary>
public sealed class ExtensionCallees : ICalleeDirectory, IDisposable
{
    private readonly IDisposable? _subscription;
    private volatile FrozenDictionary<string, CalleeProfile> _byNumber;

    public ExtensionCallees(IOptionsMonitor<SoftswitchOptions> options)
    {
        _byNumber = From(options.CurrentValue);
        _subscription = options.OnChange((current, _) => _byNumber = From(current));
    }

    public CalleeProfile? Find(string number) => _byNumber.GetValueOrDefault(number);

    public void Dispose() => _subscription?.Dispose();

    private static FrozenDictionary<string, CalleeProfile> From(SoftswitchOptions options) => options.Extensions
        .DistinctBy(extension => extension.Number)
        .ToFrozenDictionary(extension => extension.Number, extension => new CalleeProfile(extension.Number, extension.Name)
        {
            RingTime = TimeSpan.FromSeconds(Math.Clamp(extension.RingSeconds, 1, 600)),
            ForwardAlways = Empty(extension.ForwardAlways),
            ForwardBusy = Empty(extension.ForwardBusy),
            ForwardNoAnswer = Empty(extension.ForwardNoAnswer),
            DoNotDisturb = extension.DoNotDisturb,
        }, StringComparer.Ordinal);

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
