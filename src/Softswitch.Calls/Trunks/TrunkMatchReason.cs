namespace Softswitch.Calls.Trunks;

/// <summary>How an inbound request was recognised as a trunk's.</summary>
public enum TrunkMatchReason
{
    /// <summary>Its source is in the trunk's allow_from networks.</summary>
    AllowFrom,

    /// <summary>Its source is an address the carrier's name resolves to (allow_from empty).</summary>
    ResolvedAddress,

    /// <summary>Its Request-URI user is the Contact user we registered with (only that registrar knows it).</summary>
    RegisteredContact,
}
