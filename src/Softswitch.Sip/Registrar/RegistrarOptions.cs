namespace Softswitch.Sip.Registrar;

/// <summary>Settings of the <see cref="SipRegistrar"/>.</summary>
public sealed record RegistrarOptions
{
    /// <summary>Expiry when neither the contact nor the request says (RFC 3261 §10.2.1.1 suggests 3600 s).</summary>
    public int DefaultExpires { get; init; } = 3600;

    /// <summary>Shorter non-zero requests are refused with 423 and this Min-Expires (RFC 3261 §10.3 step 7, §20.23).</summary>
    public int MinExpires { get; init; } = 60;

    /// <summary>Longer requests are shortened to this (RFC 3261 §10.3 step 7: "MAY shorten").</summary>
    public int MaxExpires { get; init; } = 7200;

    /// <summary>
    /// Most contacts one AOR may hold. Beyond it the least recently refreshed binding is dropped (reported as
    /// <see cref="BindingChangeKind.Evicted"/>) rather than refusing with 403: a phone that rebooted behind NAT
    /// comes back with a new contact while its old one lingers, and must not be locked out until that expires.
    /// </summary>
    public int MaxContactsPerAor { get; init; } = 10;
}
