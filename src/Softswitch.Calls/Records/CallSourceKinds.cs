namespace Softswitch.Calls.Records;

/// <summary>The words <see cref="CallRecord.SourceKind"/> uses.</summary>
public static class CallSourceKinds
{
    public const string Extension = "extension";
    public const string Trunk = "trunk";

    /// <summary>A call the switch placed itself (a queue's callback, the dialler): the source names who asked.</summary>
    public const string Switch = "switch";
    public const string Unknown = "unknown";
}
