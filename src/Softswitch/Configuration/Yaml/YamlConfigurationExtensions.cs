using Microsoft.Extensions.Configuration;

namespace Softswitch.Configuration.Yaml;

/// <summary>Registers YAML files with a configuration builder.</summary>
public static class YamlConfigurationExtensions
{
    /// <summary>Adds the YAML file at <paramref name="path"/> (absolute or relative to the current directory).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="path">File to read.</param>
    /// <param name="optional">When false a missing file fails the build.</param>
    /// <param name="reloadOnChange">Watch the file and reload when it changes.</param>
    /// <param name="displayPath">Name used in problems; defaults to <paramref name="path"/>.</param>
    public static IConfigurationBuilder AddYamlFile(this IConfigurationBuilder builder, string path, bool optional = false, bool reloadOnChange = false, string? displayPath = null)
    {
        var source = new YamlConfigurationSource
        {
            Path = Path.GetFullPath(path),
            Optional = optional,
            ReloadOnChange = reloadOnChange,
            DisplayPath = displayPath ?? path,
        };
        // A rooted path gets a file provider for its folder, as AddJsonFile does.
        source.ResolveFileProvider();
        return builder.Add(source);
    }
}
