using System.Collections;
using Microsoft.Extensions.Configuration;
using Softswitch.Configuration.Yaml;

namespace Softswitch.Configuration;

/// <summary>
/// Builds the configuration the way the admin expects: the YAML file, then <c>SOFTSWITCH_</c>
/// environment variables, then <c>--section:key=value</c> arguments, each overriding the one before.
/// </summary>
public static class SoftswitchConfiguration
{
    /// <summary>Environment variables with this prefix are configuration keys (<c>__</c> separates sections).</summary>
    public const string EnvironmentPrefix = "SOFTSWITCH_";

    /// <summary>Where the configuration file is looked for when <c>--config</c> is not given.</summary>
    public const string DefaultConfigPath = "configs/softswitch.yaml";

    /// <summary>Builds the layered configuration.</summary>
    /// <param name="configPath">The YAML file (absolute or relative to the current directory).</param>
    /// <param name="displayPath">How to name the file in problems.</param>
    /// <param name="environment">Keys from <see cref="FromEnvironment"/>.</param>
    /// <param name="commandLine">Keys from the command line.</param>
    /// <param name="reloadOnChange">Watch the file for changes.</param>
    public static IConfigurationRoot Build(
        string configPath,
        string displayPath,
        IReadOnlyList<ConfigOverride> environment,
        IReadOnlyList<ConfigOverride> commandLine,
        bool reloadOnChange)
    {
        var builder = new ConfigurationBuilder()
            // Optional so that a reload of a deleted file does not throw; ConfigValidator reports the missing file.
            .AddYamlFile(configPath, optional: true, reloadOnChange, displayPath);
        builder.Add(new OverrideConfigurationSource(environment));
        builder.Add(new OverrideConfigurationSource(commandLine));
        return builder.Build();
    }

    /// <summary>
    /// Picks the <c>SOFTSWITCH_</c> variables out of <paramref name="variables"/>:
    /// <c>SOFTSWITCH_sip__port=5070</c> becomes <c>sip:port</c> = 5070.
    /// </summary>
    public static IReadOnlyList<ConfigOverride> FromEnvironment(IDictionary variables)
    {
        var overrides = new List<ConfigOverride>();
        foreach (DictionaryEntry entry in variables)
        {
            var name = entry.Key.ToString() ?? "";
            if (name.Length <= EnvironmentPrefix.Length || !name.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var key = name[EnvironmentPrefix.Length..].Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);
            overrides.Add(new ConfigOverride(key, entry.Value?.ToString(), $"environment variable {name}"));
        }

        // Sorted so that the outcome does not depend on the order the OS lists variables in.
        overrides.Sort((a, b) => string.CompareOrdinal(a.Origin, b.Origin));
        return overrides;
    }

    /// <summary>
    /// The file to use when none was given: <c>configs/softswitch.yaml</c> under the current
    /// directory, else the copy next to the executable. Null when neither exists.
    /// </summary>
    public static string? FindDefaultConfigFile(string currentDirectory, string applicationDirectory)
    {
        foreach (var folder in new[] { currentDirectory, applicationDirectory })
        {
            var candidate = Path.GetFullPath(Path.Combine(folder, DefaultConfigPath));
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>A path as short as possible for messages: relative to the current directory when inside it.</summary>
    public static string DisplayPathFor(string path, string currentDirectory)
    {
        var full = Path.GetFullPath(path, currentDirectory);
        var relative = Path.GetRelativePath(currentDirectory, full);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative;
    }
}
