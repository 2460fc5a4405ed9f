namespace Softswitch.Storage.Migrations;

/// <summary>
/// The database was migrated by a newer softswitch than this one; running on it could corrupt
/// data the newer schema relies on, so start-up stops.
/// </summary>
public sealed class DatabaseTooNewException : Exception
{
    /// <summary>Creates the exception for a database at <paramref name="databaseVersion"/>.</summary>
    public DatabaseTooNewException(string path, int databaseVersion, int codeVersion)
        : base($"{path}: database schema version {databaseVersion} is newer than this softswitch understands ({codeVersion}); use a newer softswitch or restore a backup")
    {
        DatabaseVersion = databaseVersion;
        CodeVersion = codeVersion;
    }

    /// <summary>Schema version found in the file.</summary>
    public int DatabaseVersion { get; }

    /// <summary>Highest schema version this build knows.</summary>
    public int CodeVersion { get; }
}
