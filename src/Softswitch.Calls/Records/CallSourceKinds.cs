namespace Softswitch.Calls.Records;

/// <summary>The words <see cref="CallRecord.SourceKind"/> uses.</summary>
public static class CallSourceKinds
{
    public const string Extension = "extension";
    public const string Trunk = "trunk";
    public const string Unknown = "unknown";
}
