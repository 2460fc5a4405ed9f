namespace Softswitch.Sip.Registrar;

/// <summary>
/// Hears every committed change to a <see cref="BindingStore"/>, so the host can persist the bindings
/// (a restart must not forget every phone). Called under the store's lock, in commit order, so a writer
/// that queues the changes sees them in the same order as the store made them: keep it to a queue post,
/// never block, never throw. Bindings put back by <see cref="BindingStore.Restore"/> are not reported.
/// </summary>
public interface IBindingStoreObserver
{
    /// <summary>
    /// One commit's changes: <see cref="BindingChangeKind.Added"/> or <see cref="BindingChangeKind.Refreshed"/> carry the
    /// binding as stored now; <see cref="BindingChangeKind.Removed"/> or <see cref="BindingChangeKind.Expired"/> the one
    /// that is gone (evictions are reported as Removed: the store sees only that the binding went).
    /// </summary>
    void OnBindingsChanged(IReadOnlyList<BindingChange> changes);
}
