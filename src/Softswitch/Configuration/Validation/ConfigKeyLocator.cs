using Microsoft.Extensions.Configuration;
using Softswitch.Configuration.Yaml;

namespace Softswitch.Configuration.Validation;

/// <summary>
/// Finds where a key's effective value came from: the highest-priority provider that sets it.
/// Keys that nobody set (a missing password) are placed at their nearest parent that exists.
/// </summary>
public sealed class ConfigKeyLocator
{
    private readonly IReadOnlyList<IConfigurationProvider> _providersByPriority;
    private readonly string _fallbackFile;

    /// <summary>Creates a locator over <paramref name="root"/>'s providers.</summary>
    public ConfigKeyLocator(IConfigurationRoot root, string fallbackFile)
    {
        _providersByPriority = root.Providers.Reverse().ToList();
        _fallbackFile = fallbackFile;
    }

    /// <summary>A problem about the value of <paramref name="key"/>.</summary>
    public ConfigProblem AtValue(string key, string message) => Locate(key, message, atKey: false);

    /// <summary>A problem about the key itself (e.g. an unknown key).</summary>
    public ConfigProblem AtKey(string key, string message) => Locate(key, message, atKey: true);

    private ConfigProblem Locate(string key, string message, bool atKey)
    {
        var display = ConfigKeys.Display(key);
        for (string? probe = key; probe is not null; probe = ConfigKeys.Parent(probe))
        {
            foreach (var provider in _providersByPriority)
            {
                switch (provider)
                {
                    case OverrideConfigurationProvider overrides when overrides.TryGetOrigin(probe, out var origin):
                        return new ConfigProblem(origin, 0, 0, display, message);
                    case YamlConfigurationProvider yaml when yaml.TryGetPosition(probe, out var position):
                        // For a missing child, the parent's key line is where the admin has to add it.
                        var at = atKey || !ReferenceEquals(probe, key) ? position.Key : position.Value;
                        return new ConfigProblem(yaml.DisplayPath, at.Line, at.Column, display, message);
                }
            }
        }

        return new ConfigProblem(_fallbackFile, 0, 0, display, message);
    }
}
