using Microsoft.Extensions.Configuration;

namespace Softswitch.Configuration.Yaml;

/// <summary>
/// Loads a YAML file into configuration keys and keeps the source position of every key.
/// A file that does not parse leaves the previous keys in place and sets <see cref="LoadError"/>,
/// so a bad edit on a running system never empties the configuration.
/// </summary>
public sealed class YamlConfigurationProvider : FileConfigurationProvider
{
    private volatile Dictionary<string, YamlKeyPosition> _positions = new(StringComparer.OrdinalIgnoreCase);
    private volatile ConfigProblem? _loadError;

    /// <summary>Creates the provider for <paramref name="source"/>.</summary>
    public YamlConfigurationProvider(YamlConfigurationSource source)
        : base(source)
    {
        DisplayPath = source.DisplayPath ?? source.Path ?? "";
    }

    /// <summary>The file name used in problems.</summary>
    public string DisplayPath { get; }

    /// <summary>The syntax error of the last load, or null when it parsed.</summary>
    public ConfigProblem? LoadError => _loadError;

    /// <summary>Whether the file exists right now (a reload of a deleted file must not count as "empty").</summary>
    public bool FileExists => Source.FileProvider?.GetFileInfo(Source.Path ?? "").Exists ?? false;

    /// <summary>Keys currently loaded.</summary>
    public IReadOnlyCollection<string> Keys => Data.Keys.ToList();

    /// <summary>Where <paramref name="key"/> was written, if it came from this file.</summary>
    public bool TryGetPosition(string key, out YamlKeyPosition position) => _positions.TryGetValue(key, out position);

    /// <inheritdoc/>
    public override void Load(Stream stream)
    {
        using var reader = new StreamReader(stream);
        var result = YamlDocumentFlattener.Flatten(reader, DisplayPath);
        _loadError = result.Error;
        if (result.Error is null)
        {
            _positions = result.Positions;
            Data = result.Data;
        }
    }
}
