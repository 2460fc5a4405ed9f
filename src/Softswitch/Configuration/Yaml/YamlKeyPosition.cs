namespace Softswitch.Configuration.Yaml;

/// <summary>Where a key and its value start in the YAML file (for list items both are the item's start).</summary>
public readonly record struct YamlKeyPosition(SourcePosition Key, SourcePosition Value);
