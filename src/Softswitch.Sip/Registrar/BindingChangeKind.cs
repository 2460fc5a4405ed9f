namespace Softswitch.Sip.Registrar;

/// <summary>What happened to a binding.</summary>
public enum BindingChangeKind
{
    /// <summary>A new contact for the AOR.</summary>
    Added,

    /// <summary>An existing contact renewed (new expiry, Call-ID/CSeq, source).</summary>
    Refreshed,

    /// <summary>Removed on request (expires=0 or <c>Contact: *</c>).</summary>
    Removed,

    /// <summary>Its time ran out.</summary>
    Expired,

    /// <summary>Dropped because the AOR exceeded its contact limit (oldest refresh first).</summary>
    Evicted,
}
