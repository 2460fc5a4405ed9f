using System.Net;
using Softswitch.Sip.Registrar;
using Softswitch.Sip.Transport;
using Softswitch.Storage;
using Softswitch.Storage.Bindings;

namespace Softswitch.Hosting;

/// <summary>
/// Keeps the registrar's bindings in the database (the <c>registrations</c> table), so a restart does not forget every
/// phone: each committed change is queued to a background writer (in order, batched, flushed on shutdown), and at start-up the stored bindings
/// that have not expired are read back for <see cref="BindingStore.Restore"/>.
/// </summary>
internal sealed class BindingPersistence(BindingRepository repository, BackgroundBatchWriter<BindingWrite> writer) : IBindingStoreObserver
{
    public void OnBindingsChanged(IReadOnlyList<BindingChange> changes)
    {
        foreach (var change in changes)
        {
            var delete = change.Kind is not (BindingChangeKind.Added or BindingChangeKind.Refreshed);
            writer.TryEnqueue(new BindingWrite(ToStored(change.Binding), delete));
        }
    }

    /// <summary>The bindings still live at <paramref name="now"/> (expired rows are deleted); rows that no longer parse are skipped.</summary>
    public async Task<IReadOnlyList<ContactBinding>> LoadLiveAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = await repository.TakeLiveAsync(now, cancellationToken).ConfigureAwait(false);
        var bindings = new List<ContactBinding>(stored.Count);
        foreach (var row in stored)
        {
            if (ToBinding(row) is { } binding) bindings.Add(binding);
        }
        return bindings;
    }

    internal static StoredBinding ToStored(ContactBinding b) =>
        new(b.AddressOfRecord, b.Key, b.ContactUri, b.ExpiresAt, b.CallId, b.CSeq,
            b.Source.Transport.ToString().ToLowerInvariant(), b.Source.Address.ToString(), b.UserAgent, b.InstanceId, b.RegId,
            b.RegisteredAt, b.RefreshedAt);

    internal static ContactBinding? ToBinding(StoredBinding row)
    {
        // A row edited by hand (or by a future version) must not stop the switch from starting.
        if (!Enum.TryParse<SipTransportKind>(row.Transport, ignoreCase: true, out var transport)
            || !IPEndPoint.TryParse(row.SourceAddress, out var address)
            || row.CSeq is < 0 or > uint.MaxValue)
        {
            return null;
        }
        return new ContactBinding(row.Extension, row.Contact, row.BindingKey, row.ExpiresAt, row.CallId, (uint)row.CSeq,
            new SipEndPoint(transport, address), row.UserAgent, row.InstanceId, row.RegId, row.RegisteredAt, row.RefreshedAt);
    }
}
