namespace Softswitch.Calls.Presence;

/// <summary>Hears each change of <see cref="ExtensionActivity"/>, in report order, on the board's own loop (never the reporter's thread).</summary>
public interface IExtensionActivityObserver
{
    void OnActivity(ExtensionActivityChange change);

    /// <summary>
    /// False when no change of <paramref name="extension"/> interests this observer now: it is not told of them, and
    /// when no observer watches, the board neither copies the extension's dialogs nor queues the change. Asked under the
    /// board's lock and again on its loop: quick, and never calls the board.
    /// An observer that starts watching reads <see cref="ExtensionActivity.Snapshot"/> after it says true.
    /// </summary>
    bool Watches(string extension) => true;
}
