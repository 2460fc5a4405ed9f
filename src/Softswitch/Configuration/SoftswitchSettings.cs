using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Softswitch.Configuration.Options;
using Softswitch.Configuration.Validation;

namespace Softswitch.Configuration;

/// <summary>
/// The options in force. When the configuration reloads (file edited), the new version is
/// validated first: if it passes it replaces the current options atomically and listeners are
/// told; if not, each problem is logged as an error with its file:line:column and the previous
/// options stay in force.
/// </summary>
public sealed class SoftswitchSettings : IOptionsMonitor<SoftswitchOptions>, IDisposable
{
    private readonly IConfigurationRoot _root;
    private readonly ILogger<SoftswitchSettings> _logger;
    private readonly IDisposable _reloadSubscription;
    private readonly string? _baseDirectory;
    private readonly Lock _listenersLock = new();
    private volatile SoftswitchOptions _current;
    private ImmutableListeners _listeners = ImmutableListeners.Empty;
    private int _rejectedReloads;
    private string _lastSeen;

    /// <summary>Starts with already validated <paramref name="initial"/> options and follows reloads of <paramref name="root"/>.</summary>
    /// <param name="root">The layered configuration, watched for changes.</param>
    /// <param name="initial">The options validated at start-up.</param>
    /// <param name="logger">Where rejected reloads are reported.</param>
    /// <param name="baseDirectory">Base of relative paths for the reload's validation (the one start-up used); the current directory when null.</param>
    public SoftswitchSettings(IConfigurationRoot root, SoftswitchOptions initial, ILogger<SoftswitchSettings> logger, string? baseDirectory = null)
    {
        _root = root;
        _baseDirectory = baseDirectory;
        _current = initial;
        _logger = logger;
        _lastSeen = Fingerprint(root);
        _reloadSubscription = ChangeToken.OnChange(root.GetReloadToken, () => ApplyReload());
    }

    /// <inheritdoc/>
    public SoftswitchOptions CurrentValue => _current;

    /// <summary>How many reloads were refused because they did not validate.</summary>
    public int RejectedReloads => Volatile.Read(ref _rejectedReloads);

    /// <inheritdoc/>
    public SoftswitchOptions Get(string? name) => _current;

    /// <inheritdoc/>
    public IDisposable OnChange(Action<SoftswitchOptions, string?> listener)
    {
        var registration = new Registration(this, listener);
        lock (_listenersLock)
        {
            _listeners = _listeners.Add(registration);
        }

        return registration;
    }

    /// <inheritdoc/>
    public void Dispose() => _reloadSubscription.Dispose();

    /// <summary>
    /// Validates the configuration as it is now and applies it if it passes; returns the validation,
    /// or null when nothing changed since the last look.
    /// </summary>
    public ConfigValidationResult? ApplyReload()
    {
        // One edit can raise several change notifications (the provider's and the root's), and
        // editors touch files without changing them: act only when something really changed.
        var fingerprint = Fingerprint(_root);
        if (Interlocked.Exchange(ref _lastSeen, fingerprint) == fingerprint)
        {
            return null;
        }

        var result = ConfigValidator.Validate(_root, _baseDirectory);
        if (!result.IsValid)
        {
            Interlocked.Increment(ref _rejectedReloads);
            _logger.LogError("Configuration change rejected; the previous configuration stays in force ({Count} problems)", result.Problems.Count);
            foreach (var problem in result.Problems)
            {
                _logger.LogError("Configuration problem: {Problem}", problem.ToString());
            }

            return result;
        }

        _current = result.Options!;
        _logger.LogInformation("Configuration reloaded: {Extensions} extensions, {Routes} routes", result.Options!.Extensions.Count, result.Options.Routes.Count);
        foreach (var warning in result.Warnings)
        {
            _logger.LogWarning("Configuration warning: {Warning}", warning.ToString());
        }

        foreach (var registration in _listeners.Items)
        {
            try
            {
                registration.Listener(result.Options, Microsoft.Extensions.Options.Options.DefaultName);
            }
            catch (Exception ex)
            {
                // One faulty listener must not keep the others on stale settings.
                _logger.LogError(ex, "A configuration change listener failed");
            }
        }

        return result;
    }

    private static string Fingerprint(IConfigurationRoot root)
    {
        var text = new System.Text.StringBuilder();
        foreach (var yaml in root.Providers.OfType<Yaml.YamlConfigurationProvider>())
        {
            text.Append(yaml.FileExists).Append('|').Append(yaml.LoadError).Append('\n');
        }

        foreach (var (key, value) in root.AsEnumerable().OrderBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase))
        {
            text.Append(key).Append('=').Append(value).Append('\n');
        }

        return text.ToString();
    }

    private void Remove(Registration registration)
    {
        lock (_listenersLock)
        {
            _listeners = _listeners.Remove(registration);
        }
    }

    // Copy-on-write list: the reload thread iterates without holding the lock.
    private sealed record ImmutableListeners(IReadOnlyList<Registration> Items)
    {
        public static readonly ImmutableListeners Empty = new([]);

        public ImmutableListeners Add(Registration item) => new([.. Items, item]);

        public ImmutableListeners Remove(Registration item) => new(Items.Where(i => !ReferenceEquals(i, item)).ToArray());
    }

    private sealed class Registration(SoftswitchSettings owner, Action<SoftswitchOptions, string?> listener) : IDisposable
    {
        public Action<SoftswitchOptions, string?> Listener { get; } = listener;

        public void Dispose() => owner.Remove(this);
    }
}
