namespace Softswitch.Configuration.Options;

/// <summary>The <c>storage</c> section. Relative paths resolve against the current directory.</summary>
public sealed class StorageOptions
{
    /// <summary>SQLite database file.</summary>
    public string Database { get; set; } = "data/softswitch.db";

    /// <summary>Folder for call recordings.</summary>
    public string Recordings { get; set; } = "data/recordings";
}
