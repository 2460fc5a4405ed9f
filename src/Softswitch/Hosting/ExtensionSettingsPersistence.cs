using Softswitch.Calls.Routing;
using Softswitch.Storage;
using Softswitch.Storage.Extensions;

namespace Softswitch.Hosting;

/// <summary>
/// Keeps the phones' feature-code changes (DND, forward-always) in <c>extension_settings</c>: loaded into
/// <see cref="ExtensionOverrides"/> before the stack listens, each change written off the SIP path.
/// </summary>
internal sealed class ExtensionSettingsPersistence(ExtensionSettingsRepository repository, BackgroundBatchWriter<StoredExtensionSetting> writer)
{
    /// <summary>The stored changes restored into <paramref name="overrides"/>, and each later change queued for the disk.</summary>
    public async Task AttachAsync(ExtensionOverrides overrides, CancellationToken cancellationToken)
    {
        var stored = await repository.LoadAsync(cancellationToken).ConfigureAwait(false);
        overrides.Restore(stored.Select(row => new ExtensionOverride(row.Extension, row.DoNotDisturb, row.ForwardAlways, row.ChangedAt)));
        overrides.Changed = change => writer.TryEnqueue(new StoredExtensionSetting(change.Number, change.DoNotDisturb, change.ForwardAlways, change.ChangedAt));
    }
}
