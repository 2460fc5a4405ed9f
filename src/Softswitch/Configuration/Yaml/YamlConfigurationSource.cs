using Microsoft.Extensions.Configuration;

namespace Softswitch.Configuration.Yaml;

/// <summary>A YAML file as a configuration source; reload-on-change comes from <see cref="FileConfigurationSource"/>.</summary>
public sealed class YamlConfigurationSource : FileConfigurationSource
{
    /// <summary>How the file is named in problems (as the admin typed it); defaults to <see cref="FileConfigurationSource.Path"/>.</summary>
    public string? DisplayPath { get; set; }

    /// <inheritdoc/>
    public override IConfigurationProvider Build(IConfigurationBuilder builder)
    {
        EnsureDefaults(builder);
        return new YamlConfigurationProvider(this);
    }
}
