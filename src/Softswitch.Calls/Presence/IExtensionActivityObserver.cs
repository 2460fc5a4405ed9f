namespace Softswitch.Calls.Presence;

/// <summary>Hears each change of <see cref="ExtensionActivity"/>, in report order, on the board's own loop (never the reporter's thread).</summary>
public interface IExtensionActivityObserver
{
    void OnActivity(ExtensionActivityChange change);
}
