namespace Softswitch.Extensions;

/// <summary>
/// Looks up extensions by number. The answer always comes from one consistent snapshot of the
/// configuration; a reload swaps the snapshot atomically, so lookups never see a half-applied file.
/// </summary>
public interface IExtensionDirectory
{
    /// <summary>Finds the extension with <paramref name="number"/>.</summary>
    bool TryGet(string number, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Extension? extension);

    /// <summary>Every extension in the current snapshot, in configuration order.</summary>
    IReadOnlyList<Extension> All { get; }
}
