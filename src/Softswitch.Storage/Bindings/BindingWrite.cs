namespace Softswitch.Storage.Bindings;

/// <summary>One change to apply to <c>registrations</c>: store <see cref="Binding"/> (insert or replace), or delete it.</summary>
/// <param name="Binding">The binding; for a delete only its extension and key matter.</param>
/// <param name="Delete">True to delete the row, false to insert or replace it.</param>
public readonly record struct BindingWrite(StoredBinding Binding, bool Delete);
