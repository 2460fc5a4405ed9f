namespace Softswitch.Sip.Registrar;

/// <summary>One change to the bindings, for logging and registration events.</summary>
/// <param name="Kind">Added, Refreshed, Removed, Expired or Evicted.</param>
/// <param name="Binding">The binding after the change (for Added/Refreshed) or as it was (for the removals).</param>
public sealed record BindingChange(BindingChangeKind Kind, ContactBinding Binding);
