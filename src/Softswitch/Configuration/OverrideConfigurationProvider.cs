using Microsoft.Extensions.Configuration;

namespace Softswitch.Configuration;

/// <summary>
/// Keys from the environment or the command line. Unlike the stock providers it remembers which
/// variable or argument set each key, so a bad value can be blamed on the right place.
/// </summary>
public sealed class OverrideConfigurationProvider : ConfigurationProvider
{
    private readonly Dictionary<string, string> _origins = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the provider; later entries win over earlier ones for the same key.</summary>
    public OverrideConfigurationProvider(IEnumerable<ConfigOverride> overrides)
    {
        foreach (var item in overrides)
        {
            Data[item.Key] = item.Value;
            _origins[item.Key] = item.Origin;
        }
    }

    /// <summary>Keys this provider sets.</summary>
    public IReadOnlyCollection<string> Keys => Data.Keys.ToList();

    /// <summary>Who set <paramref name="key"/> (or, for a section, the first of its keys).</summary>
    public bool TryGetOrigin(string key, out string origin)
    {
        if (_origins.TryGetValue(key, out origin!))
        {
            return true;
        }

        var prefix = key + ConfigurationPath.KeyDelimiter;
        foreach (var (candidate, candidateOrigin) in _origins)
        {
            if (candidate.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                origin = candidateOrigin;
                return true;
            }
        }

        origin = "";
        return false;
    }
}
